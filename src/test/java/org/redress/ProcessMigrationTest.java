package org.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Running complaints and a new process version (docs/process-owners.md, "Running complaints and
 * new versions"): version 2 renames Task_ProposeResponse to Task_DraftResponse and adds
 * Task_CheckWording after it. Complaints waiting at Review assessment, Propose response and Record
 * complainant's answer are migrated with Camunda's migration API — plan (equal activities + one
 * explicit instruction for the renamed task, event triggers updated), validated, executed as a
 * batch — and then run to closure on version 2.
 *
 * <p>The shared test engine keeps using complaint-handling version 1: both versions are deployed
 * here under a key of their own and removed afterwards.
 */
@RedressTest
class ProcessMigrationTest {

  static final String KEY = "complaint-handling-migration-test";
  static final String DEPLOYMENT = "redress-migration-test";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  ComplaintDriver driver;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ComplaintDriver(engine, complaints, timeline);
  }

  @AfterEach
  void removeBothVersions() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void complaintsWaitingAtSeveralTasks_migrateToVersion2_andContinueToClosure() throws IOException {
    ProcessDefinition v1 = deploy(Path.of("processes/complaint-handling.bpmn"));
    ProcessInstance atReview = start(v1);
    ProcessInstance atPropose = start(v1);
    driver.complete(atPropose, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    ProcessInstance atAnswer = start(v1);
    driver.complete(atAnswer, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    proposeResponse(atAnswer, "Task_ProposeResponse");
    assertThat(atReview).isWaitingAt("Task_ReviewAssessment");
    assertThat(atPropose).isWaitingAt("Task_ProposeResponse");
    assertThat(atAnswer).isWaitingAt("Task_RecordComplainantAnswer");

    ProcessDefinition v2 = deploy(Path.of("src/test/resources/migration/complaint-handling-v2.bpmn"),
        Path.of("src/test/resources/migration/check-wording.form"));
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

    // 1. Plan: every activity whose id is unchanged maps to itself; the renamed task needs an instruction.
    MigrationPlan plan = runtime.createMigrationPlan(v1.getId(), v2.getId())
        .mapActivities("Task_ProposeResponse", "Task_DraftResponse")
        .mapEqualActivities()
        .updateEventTriggers()
        .build(); // validates the plan itself: throws MigrationPlanValidationException when it cannot work

    // 2. Execute as a batch, as Cockpit or the REST API (POST /migration/executeAsync) would.
    List<String> ids = List.of(atReview.getId(), atPropose.getId(), atAnswer.getId());
    Batch batch = runtime.newMigration(plan).processInstanceIds(ids).executeAsync();
    runBatch(batch);

    for (String id : ids) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getProcessDefinitionId())
          .isEqualTo(v2.getId());
    }
    assertThat(management.createJobQuery().processInstanceId(atAnswer.getId()).timers().list())
        .as("the answer timer and the progress-update timer moved along").isNotEmpty()
        .allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(v2.getId()));
    assertThat(atPropose).isWaitingAt("Task_DraftResponse");
    assertThat(atAnswer).isWaitingAt("Task_RecordComplainantAnswer");

    // 3. They continue on version 2: the renamed task, then the added one, then closure.
    driver.complete(atReview, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    for (ProcessInstance complaint : List.of(atReview, atPropose)) {
      proposeResponse(complaint, "Task_DraftResponse");
      assertThat(complaint).isWaitingAt("Task_CheckWording");
      driver.complete(complaint, "Task_CheckWording", "handler2", "wordingChecked", true);
      assertThat(complaint).isWaitingAt("Task_RecordComplainantAnswer");
    }
    for (ProcessInstance complaint : List.of(atReview, atPropose, atAnswer)) {
      driver.complete(complaint, "Task_RecordComplainantAnswer", "handler", "complainantAnswer", "accepted");
      assertThat(complaint).isEnded().hasPassed("Task_CloseComplaint");
      assertThat(driver.state(complaint).status()).isEqualTo(ComplaintStatus.CLOSED);
    }
    assertThat(atAnswer).hasPassed("Task_ProposeResponse").hasNotPassed("Task_CheckWording");
  }

  @Test
  void withoutAnInstructionForTheRenamedTask_complaintsWaitingThereAreRefused_andStayOnVersion1() throws IOException {
    ProcessDefinition v1 = deploy(Path.of("processes/complaint-handling.bpmn"));
    ProcessInstance atPropose = start(v1);
    driver.complete(atPropose, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    ProcessDefinition v2 = deploy(Path.of("src/test/resources/migration/complaint-handling-v2.bpmn"),
        Path.of("src/test/resources/migration/check-wording.form"));

    MigrationPlan equalOnly = runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .updateEventTriggers().build();

    assertThatThrownBy(() -> runtime.newMigration(equalOnly).processInstanceIds(atPropose.getId()).execute())
        .isInstanceOf(MigratingProcessInstanceValidationException.class)
        .hasMessageContaining("Task_ProposeResponse");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(atPropose.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(v1.getId());
    assertThat(atPropose).isWaitingAt("Task_ProposeResponse");
  }

  /**
   * Version 2 is the current process plus the example's change and nothing else, so the example (and
   * its picture in process-owners.md) follows processes/ instead of drifting into an older flow: every
   * element of version 1 is in version 2 with the same attributes and children, Task_ProposeResponse
   * under its new id, except what the change touches.
   */
  @Test
  void version2_isTheCurrentProcessPlusTheRenamedAndTheAddedTask() throws Exception {
    Map<String, String> v1 = flowElements(Path.of("processes/complaint-handling.bpmn"),
        Map.of("Task_ProposeResponse", "Task_DraftResponse"));
    Map<String, String> v2 = flowElements(Path.of("src/test/resources/migration/complaint-handling-v2.bpmn"), Map.of());

    assertThat(v2.keySet()).containsAll(v1.keySet());
    assertThat(v2.keySet().stream().filter(id -> !v1.containsKey(id)))
        .as("added in version 2").containsExactlyInAnyOrder("Task_CheckWording", "Flow_ToCheckWording");
    assertThat(v1.keySet().stream().filter(id -> !v1.get(id).equals(v2.get(id))))
        .as("changed in version 2").containsExactlyInAnyOrder(
            "complaint-handling", "Task_DraftResponse", "Flow_ToApprovalCheck");
    assertThat(v2.get("complaint-handling")).isEqualTo(v1.get("complaint-handling")
        .replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"2\""));
    assertThat(v2.get("Task_DraftResponse")).isEqualTo(v1.get("Task_DraftResponse")
        .replace("name=\"Propose response\"", "name=\"Draft response\""));
    assertThat(v2.get("Flow_ToApprovalCheck")).isEqualTo(v1.get("Flow_ToApprovalCheck")
        .replace("sourceRef=\"Task_DraftResponse\"", "sourceRef=\"Task_CheckWording\""));
    assertThat(v2.get("Flow_ToCheckWording")).contains("sourceRef=\"Task_DraftResponse\"", "targetRef=\"Task_CheckWording\"");
  }

  /**
   * Each element with an id in the BPMN's process part (not its diagram), by id: its name, attributes
   * and children without an id of their own (conditions, timers, listeners…), ids renamed as given.
   * incoming/outgoing are left out: the sequence flows say the same.
   */
  private static Map<String, String> flowElements(Path bpmn, Map<String, String> renamed) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(bpmn.toFile());
    Map<String, String> elements = new TreeMap<>();
    Element process = (Element) document.getElementsByTagNameNS(BPMN, "process").item(0);
    collect(process, renamed, elements);
    return elements;
  }

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static void collect(Element element, Map<String, String> renamed, Map<String, String> elements) {
    elements.put(renamed.getOrDefault(element.getAttribute("id"), element.getAttribute("id")),
        describe(element, renamed, elements));
  }

  private static String describe(Element element, Map<String, String> renamed, Map<String, String> elements) {
    StringBuilder text = new StringBuilder("<").append(element.getTagName());
    NamedNodeMap attributes = element.getAttributes();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      pairs.add(attribute.getNodeName() + "=\"" + renamed.getOrDefault(attribute.getNodeValue(), attribute.getNodeValue()) + "\"");
    }
    pairs.stream().sorted().forEach(pair -> text.append(' ').append(pair));
    text.append('>');
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        if (childElement.hasAttribute("id")) {
          collect(childElement, renamed, elements);
        } else if (!List.of("incoming", "outgoing").contains(childElement.getLocalName())) {
          text.append(describe(childElement, renamed, elements));
        }
      } else if (child instanceof Text content && !content.getNodeValue().isBlank()) { // text and CDATA
        text.append(child.getNodeValue().strip());
      }
    }
    return text.append("</").append(element.getTagName()).append('>').toString();
  }

  /** Runs the batch's seed job, its migration jobs and its monitor job, as the job executor would. */
  private void runBatch(Batch batch) {
    management.executeJob(management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult().getId());
    List<Job> jobs = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list();
    assertThat(jobs).isNotEmpty();
    for (Job job : jobs) {
      management.executeJob(job.getId());
    }
    management.executeJob(management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).singleResult().getId());
    assertThat(management.createBatchQuery().batchId(batch.getId()).count()).as("batch finished").isZero();
    assertThat(engine.getHistoryService().createHistoricBatchQuery().batchId(batch.getId()).singleResult().getEndTime())
        .isNotNull();
    assertThat(management.createJobQuery().withException().list()).as("failed jobs").isEmpty();
  }

  private ProcessInstance start(ProcessDefinition definition) {
    // the test-only process key has no grants for handlers; an administrator registers the complaints
    ProcessInstance instance = driver.as("admin",
        () -> engine.getFormService().submitStartForm(definition.getId(), phoneComplaint()));
    driver.runDueJobs(instance);
    return instance;
  }

  private void proposeResponse(ProcessInstance complaint, String task) {
    driver.complete(complaint, task, "handler",
        "responseRemedy", "We remove the late fee and credit EUR 12.50.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "preventiveAction", "Bank interface fixed.",
        "actionRequired", false);
  }

  /** Deploys the process under this test's own key, with all forms (and any extra), as one deployment. */
  private ProcessDefinition deploy(Path bpmn, Path... extraForms) throws IOException {
    String xml = Files.readString(bpmn).replace("id=\"complaint-handling\"", "id=\"" + KEY + "\"");
    DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT)
        .addString("complaint-handling.bpmn", xml);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : Stream.concat(forms, Stream.of(extraForms)).toList()) {
        builder.addString(form.getFileName().toString(), Files.readString(form, StandardCharsets.UTF_8));
      }
    }
    var deployment = builder.deployWithResult();
    deployments.add(deployment.getId());
    return deployment.getDeployedProcessDefinitions().get(0);
  }

  @SuppressWarnings("unused")
  private static final Class<?>[] KEEP = {Map.class};
}
