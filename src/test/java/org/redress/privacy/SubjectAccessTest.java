package org.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.privacy.PrivacyFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A complainant's subject access and erasure requests (ISO 10002 4.10), carried out by a
 * supervisor through Redress's staff API, each one recorded on the timeline.
 */
@RedressTest
class SubjectAccessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  ComplaintDriver driver;
  StaffHttp http;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    http = new StaffHttp(port);
  }

  @Test
  void supervisor_exportsTheComplainantsData_andTheExportIsOnTheTimeline() {
    ProcessInstance complaint = driver.registerAndAssess("handler", distinctiveComplaint());
    String reference = driver.reference(complaint);

    StaffHttp.Response response = http.get("supervisor", path(reference));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode export = response.json();
    assertThat(export.path("reference").asText()).isEqualTo(reference);
    assertThat(export.path("complaint").path("complainantName").asText()).isEqualTo(NAME);
    assertThat(export.path("complaint").path("complainantPhone").asText()).isEqualTo(PHONE);
    assertThat(export.path("status").path("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(export.path("timeline").toString()).contains("RECEIVED", "ACKNOWLEDGED");
    assertThat(last(reference)).satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.PERSONAL_DATA_EXPORTED);
      assertThat(e.actor()).isEqualTo("supervisor");
    });
  }

  @Test
  void supervisor_erasesOnRequest_everywhere_andTheErasureIsOnTheTimeline() {
    ProcessInstance complaint = registerAndClose(driver, distinctiveComplaint());
    String reference = driver.reference(complaint);
    jdbc.sql("""
        INSERT INTO complaint_attachment (reference, file_name, content_type, size_bytes, sha256, content, uploaded_at)
        VALUES (:reference, 'bill.pdf', 'application/pdf', 4, 'x', :content, CURRENT_TIMESTAMP)""")
        .param("reference", reference).param("content", "%PDF".getBytes()).update();
    jdbc.sql("INSERT INTO satisfaction_survey (reference, rating, comment, answered_at) "
        + "VALUES (:reference, 4, 'Jane here, thanks', CURRENT_TIMESTAMP)").param("reference", reference).update();

    StaffHttp.Response response = http.send("supervisor", "DELETE", path(reference), null, null);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("erased").asBoolean()).isTrue();
    assertThat(complaints.get(reference).complainantName()).isEqualTo(PersonalData.ANONYMISED);
    assertThat(complaints.get(reference).complainantEmail()).isNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_attachment WHERE reference = :r").param("r", reference)
        .query(Long.class).single()).as("attachments").isZero();
    assertThat(jdbc.sql("SELECT rating FROM satisfaction_survey WHERE reference = :r").param("r", reference)
        .query(Integer.class).single()).as("the rating stays for the statistics").isEqualTo(4);
    assertThat(jdbc.sql("SELECT comment FROM satisfaction_survey WHERE reference = :r").param("r", reference)
        .query(String.class).list()).containsExactly((String) null);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(complaint.getId())
        .variableName("complainantName").count()).isZero();
    assertThat(last(reference)).satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.PERSONAL_DATA_ERASED);
      assertThat(e.actor()).isEqualTo("supervisor");
    });
    assertThat(http.get("supervisor", path(reference)).body()).doesNotContain(NAME, EMAIL_PREFIX, PHONE);
    assertThat(http.send("supervisor", "DELETE", path(reference), null, null).json().path("erased").asBoolean())
        .as("a second request finds nothing left").isFalse();
  }

  @Test
  void erasingAnOpenComplaint_alsoClearsTheOpenTasksFormContext() {
    ProcessInstance complaint = driver.registerAndAssess("handler", distinctiveComplaint());
    String reference = driver.reference(complaint);

    assertThat(http.send("supervisor", "DELETE", path(reference), null, null).status()).isEqualTo(200);

    String taskId = driver.task(complaint, "Task_ReviewAssessment").getId();
    assertThat((String) engine.getTaskService().getVariableLocal(taskId, "complaintSummary")).doesNotContain(NAME);
  }

  @Test
  void onlySupervisorsMay_othersGet403_strangers401_unknownReferences404() {
    ProcessInstance complaint = driver.registerAndAssess("handler", distinctiveComplaint());
    String reference = driver.reference(complaint);
    int eventsBefore = driver.timeline(reference).size();

    assertThat(http.get(StaffHttp.ANONYMOUS, path(reference)).status()).isEqualTo(401);
    for (String user : List.of("handler", "owner", "auditor", "manager")) {
      assertThat(http.get(user, path(reference)).status()).as(user).isEqualTo(403);
      assertThat(http.send(user, "DELETE", path(reference), null, null).status()).as(user).isEqualTo(403);
    }
    assertThat(http.get("admin", path(reference)).status()).isEqualTo(200);
    assertThat(http.get("supervisor", path("C-1999-999999")).status()).isEqualTo(404);
    assertThat(complaints.get(reference).complainantName()).isEqualTo(NAME);
    assertThat(driver.timeline(reference)).hasSize(eventsBefore + 1);
  }

  private static String path(String reference) {
    return "/api/staff/complaints/" + reference + "/personal-data";
  }

  private TimelineEvent last(String reference) {
    List<TimelineEvent> events = driver.timeline(reference);
    return events.get(events.size() - 1);
  }
}
