package org.redress.improvement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.redress.classification.CodeLists;
import org.redress.complaint.KpiChanges;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for clause 8: classified complaints written straight into Redress's tables (trend
 * detection and the effectiveness check count only those), code list entries unique to a test, and
 * the timer-started processes run the way the job executor would.
 */
public class ImprovementFixtures {

  private static final AtomicInteger NUMBER = new AtomicInteger();

  private final JdbcClient jdbc;
  private final CodeLists codeLists;
  private final ProcessEngine engine;

  public ImprovementFixtures(JdbcClient jdbc, CodeLists codeLists, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.codeLists = codeLists;
    this.engine = engine;
  }

  /** A code of {@code list} that no other test uses. */
  public String newCode(String list, String prefix) {
    String code = prefix + "-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + NUMBER.incrementAndGet();
    codeLists.add(list, new CodeLists.Entry(code, "Test " + code, true, 900));
    return code;
  }

  /** A complaint received (and closed) at {@code at}, classified as given (null = not classified). */
  public String complaint(OffsetDateTime at, String category, String product, String rootCause) {
    String reference = "T-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + NUMBER.incrementAndGet();
    jdbc.sql("""
        INSERT INTO complaint (reference, channel, complainant_name, preferred_channel, preferred_language,
          product_or_service, description, safety_concern, legal_or_regulatory, received_at, received_by)
        VALUES (:reference, 'web', 'Test Complainant', 'email', 'en', 'Test product', 'A complaint made by a test.',
          FALSE, FALSE, :at, 'complainant')""")
        .param("reference", reference).param("at", at).update();
    jdbc.sql("""
        INSERT INTO complaint_status (reference, status, category, product, root_cause, received_at, channel, closed_at,
          updated_at)
        VALUES (:reference, 'CLOSED', :category, :product, :rootCause, :at, 'web', :at, :at)""")
        .param("reference", reference).param("category", category).param("product", product)
        .param("rootCause", rootCause).param("at", at).update();
    KpiChanges.note(jdbc, reference);
    return reference;
  }

  public List<String> complaints(int count, OffsetDateTime at, String category, String product, String rootCause) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> complaint(at.plusMinutes(i), category, product, rootCause))
        .toList();
  }

  /** Fires the timer start event of {@code processKey} and runs the jobs of the instance it starts. */
  public String runTimerStart(String processKey) {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(processKey).timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow(() -> new AssertionError("no timer start job of " + processKey));
    List<String> before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).list()
        .stream().map(p -> p.getId()).toList();
    engine.getManagementService().executeJob(timer.getId());
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).list()
        .stream().map(p -> p.getId()).filter(id -> !before.contains(id)).findFirst()
        .orElseThrow(() -> new AssertionError("the timer of " + processKey + " started no instance"));
    runJobs(instanceId);
    return instanceId;
  }

  public void runJobs(String processInstanceId) {
    for (int i = 0; i < 50; i++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(due.get(0).getId());
    }
    throw new AssertionError("runaway jobs");
  }
}
