package org.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.complaint.EventType.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The application end to end through the HTTP API a client uses (Camunda's /engine-rest, as
 * Tasklist does, each step as the user who does it, with HTTP Basic): register, work every task, run the jobs, and check Redress's tables. Run on H2
 * and on PostgreSQL by the subclasses.
 */
abstract class ComplaintLifecycleContract {

  @LocalServerPort int port;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  /** As the administrator: job runs and look-ups that no complaint handler does by hand. */
  RestClient rest;

  @BeforeEach
  void client() {
    rest = as("admin");
  }

  /** /engine-rest as a demo user (password = user name), like Tasklist or a script would call it. */
  RestClient as(String user) {
    return RestClient.builder().baseUrl("http://localhost:" + port + "/engine-rest")
        .defaultHeaders(headers -> headers.setBasicAuth(user, user))
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  @Test
  void seriousComplaint_fromRegistrationToClosure_overHttp() {
    String instanceId = startComplaint(Map.of("amountAtStake", 6000));
    String reference = businessKey(instanceId);
    runJobs(instanceId);

    submitTask(instanceId, "Task_ReviewAssessment", "handler", Map.of("severity", "high", "responseTarget", "P5D", "category", "service-delivery"));
    submitTask(instanceId, "Task_InvestigateComplaint", "handler", Map.of(
        "findings", "The technician did not arrive and nobody called.", "rootCause", "service-failure",
        "complaintJustified", "justified"));
    submitTask(instanceId, "Task_ProposeResponse", "handler", Map.of(
        "responseRemedy", "Refund of the call-out fee and a new appointment.",
        "responseExplanation", "Our technician was double-booked; we are sorry.", "actionRequired", true));
    submitTask(instanceId, "Task_ApproveResponse", "supervisor", Map.of("approvalDecision", "approve"));
    runJobs(instanceId);
    submitTask(instanceId, "Task_RecordComplainantAnswer", "handler", Map.of("complainantAnswer", "accepted"));
    // the complaint's handler carries out the agreed action too: it is theirs (security/CaseOwnership)
    submitTask(instanceId, "Task_CarryOutAgreedAction", "handler", Map.of("actionTaken", "Refunded EUR 89; visit on 2026-11-30."));
    runJobs(instanceId);

    JsonNode history = rest.get().uri("/history/process-instance/{id}", instanceId).retrieve().body(JsonNode.class);
    assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(history.path("businessKey").asText()).isEqualTo(reference);
    ComplaintState state = complaints.state(reference);
    assertThat(state.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(state.outcome()).isEqualTo("accepted");
    assertThat(state.closedBy()).isEqualTo("handler");
    assertThat(state.severity()).isEqualTo("high");
    assertThat(state.rootCause()).isEqualTo("service-failure");
    List<TimelineEvent> events = timeline.of(reference);
    assertThat(events).extracting(TimelineEvent::type).containsSubsequence(RECEIVED, ASSESSED, ACKNOWLEDGED,
        ASSESSMENT_CONFIRMED, INVESTIGATED, RESPONSE_PROPOSED, RESPONSE_APPROVED, DECISION_COMMUNICATED,
        DECISION_ACCEPTED, AGREED_ACTION_CARRIED_OUT, CLOSED);
    assertThat(events).filteredOn(e -> e.type() == RESPONSE_APPROVED).extracting(TimelineEvent::actor)
        .containsExactly("supervisor");
    assertThat(events).filteredOn(e -> e.type() == EventType.CLOSED).singleElement()
        .satisfies(e -> assertThat(e.visibleToComplainant()).isTrue());
  }

  @Test
  void invalidStartForm_is400WithFieldAndReason_andNothingIsStored() {
    long before = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
    Map<String, Object> form = new LinkedHashMap<>(ComplaintDriver.phoneComplaint());
    form.remove("productOrService");
    form.put("preferredChannel", "pigeon");

    ResponseEntity<JsonNode> response = as("handler").post().uri("/process-definition/key/complaint-handling/submit-form")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables(form)))
        .retrieve().toEntity(JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().path("message").asText())
        // named by the fields' labels, without the definition's id or variable keys (engine/RefusalSentences)
        .contains("Preferred way to contact them: must be one of email, phone, letter",
            "Product or service concerned: is required")
        .doesNotContain("Exception", "at org.", "preferredChannel", "complaint-handling:");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void invalidTaskForm_is400WithFieldAndReason_andTheTaskStaysOpen() {
    String instanceId = startComplaint(Map.of());
    runJobs(instanceId);
    String taskId = taskId(instanceId, "Task_ReviewAssessment");
    as("handler").post().uri("/task/{id}/claim", taskId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("userId", "handler")).retrieve().toBodilessEntity();

    ResponseEntity<JsonNode> response = as("handler").post().uri("/task/{id}/submit-form", taskId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", variables(Map.of("severity", "catastrophic", "responseTarget", "P5D"))))
        .retrieve().toEntity(JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().path("message").asText())
        .isEqualTo("Severity: must be one of low, medium, high, critical");
    assertThat(taskId(instanceId, "Task_ReviewAssessment")).isEqualTo(taskId);
  }

  @Test
  void concurrentRegistrations_getDistinctReferences() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        started.add(pool.submit((Callable<String>) () -> businessKey(startComplaint(Map.of()))));
      }
      Set<String> references = new HashSet<>();
      for (Future<String> f : started) {
        references.add(f.get());
      }
      assertThat(references).hasSize(16).allMatch(r -> r.matches("C-\\d{4}-\\d{6}"));
      assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE reference IN (:refs)").param("refs", references)
          .query(Long.class).single()).isEqualTo(16);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- HTTP helpers

  /**
   * ISO 10002 7.2-7.9 for a complainant who phoned and has no e-mail: the registering handler is
   * given reference and access code in a task of their own (the code kept out of history, gone with
   * the task), each letter is a "Send letter" task with the letter as a PDF in the complainant's
   * language, the decision's answer period waits for its letter, and the case closes after the closure
   * letter. A colleague can issue a new code later; the old one stops working.
   */
  @Test
  void letterComplainant_registeredByPhone_getsEveryLetterBySendLetterTasks_toClosure() throws Exception {
    Map<String, Object> form = new LinkedHashMap<>(ComplaintDriver.phoneComplaint());
    form.remove("complainantEmail");
    form.put("preferredChannel", "letter");
    form.put("preferredLanguage", "de");
    form.put("complainantAddress", "Beispielweg 1\n12345 Musterstadt");
    ResponseEntity<JsonNode> started = as("handler").post().uri("/process-definition/key/complaint-handling/submit-form")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables(form)))
        .retrieve().toEntity(JsonNode.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String instanceId = started.getBody().path("id").asText();
    String reference = businessKey(instanceId);

    // the registering handler's own task shows reference and code at once
    JsonNode handOver = rest.get().uri("/task?processInstanceId={id}&taskDefinitionKey=Task_HandOverAccessCode",
        instanceId).retrieve().body(JsonNode.class).get(0);
    assertThat(handOver.path("assignee").asText()).isEqualTo("handler");
    assertThat(handOver.path("name").asText()).isEqualTo("Give reference and access code · " + reference);
    String handOverId = handOver.path("id").asText();
    assertThat(as("handler2").get().uri("/task/{id}/form-variables", handOverId).retrieve().body(JsonNode.class)
        .path("accessCode").path("value").asText()).as("a colleague never sees it").startsWith("(shown once");
    assertThat(as("handler2").get().uri("/task/{id}/variables", handOverId).retrieve().body(JsonNode.class)
        .path("accessCode").path("value").asText()).startsWith("(shown once");
    JsonNode shown = as("handler").get().uri("/task/{id}/form-variables", handOverId)
        .retrieve().body(JsonNode.class);
    String code = shown.path("accessCode").path("value").asText();
    assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
    assertThat(shown.path("complaintReference").path("value").asText()).isEqualTo(reference);
    assertThat(accessCodes.verify(reference, code, "127.0.0.1")).isEqualTo(reference);
    assertThat(as("handler").get().uri("/task/{id}/form-variables", handOverId).retrieve().body(JsonNode.class)
        .path("accessCode").path("value").asText()).as("shown once").startsWith("(shown once");
    submitTask(instanceId, "Task_HandOverAccessCode", "handler", Map.of());
    assertThat(rest.get().uri("/history/variable-instance?processInstanceId={id}&variableName=accessCode", instanceId)
        .retrieve().body(JsonNode.class)).as("the code is not in Camunda's history").isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = :id AND NAME_ = 'accessCode'")
        .param("id", instanceId).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = :id AND NAME_ = 'accessCode'")
        .param("id", instanceId).query(Long.class).single()).as("gone with the task").isZero();

    // acknowledgement: a letter to post, as a PDF in German, alongside the handling
    runJobs(instanceId);
    String acknowledgement = pdfText(letter("handler", reference, "acknowledgement"));
    assertThat(acknowledgement).contains("Guten Tag Jane Doe", "Beispielweg 1", reference).doesNotContain(code);
    sendLetter(instanceId, "Task_SendAcknowledgementLetter", "handler2");

    // decision: the answer period waits for the letter
    submitTask(instanceId, "Task_ReviewAssessment", "handler", Map.of("severity", "low", "responseTarget", "P15D",
        "category", "billing"));
    submitTask(instanceId, "Task_ProposeResponse", "handler", Map.of("responseRemedy", "Wir erstatten die Gebühr.",
        "responseExplanation", "Ihre Zahlung kam rechtzeitig.", "actionRequired", false));
    runJobs(instanceId);
    assertThat(rest.get().uri("/task?processInstanceId={id}&taskDefinitionKey=Task_RecordComplainantAnswer", instanceId)
        .retrieve().body(JsonNode.class)).as("no answer period before the letter is sent").isEmpty();
    assertThat(pdfText(letter("handler", reference, "decision"))).contains("Wir erstatten die Gebühr.");
    sendLetter(instanceId, "Task_SendDecisionLetter", "handler2");
    assertThat(timeline.of(reference)).extracting(TimelineEvent::type)
        .containsSubsequence(DECISION_COMMUNICATED, LETTER_SENT, ANSWER_PERIOD_STARTED);
    submitTask(instanceId, "Task_RecordComplainantAnswer", "handler", Map.of("complainantAnswer", "accepted"));
    runJobs(instanceId);

    // closure letter, then the case ends
    assertThat(pdfText(letter("handler", reference, "closure"))).contains("abgeschlossen");
    sendLetter(instanceId, "Task_SendClosureLetter", "handler2");
    runJobs(instanceId);
    assertThat(rest.get().uri("/history/process-instance/{id}", instanceId).retrieve().body(JsonNode.class)
        .path("state").asText()).isEqualTo("COMPLETED");
    List<TimelineEvent> events = timeline.of(reference);
    assertThat(events).filteredOn(e -> e.type() == LETTER_SENT).hasSize(3)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("handler2"))
        .extracting(TimelineEvent::summary).allSatisfy(summary -> assertThat(summary).contains("posted on"));
    assertThat(events).allSatisfy(e -> assertThat(e.summary() + e.details()).doesNotContain(code));

    // a lost code: a colleague issues a new one, shown once; the old one no longer opens the complaint
    ResponseEntity<JsonNode> issued = api("handler2").post().uri("/api/staff/complaints/{ref}/access-code", reference)
        .retrieve().toEntity(JsonNode.class);
    assertThat(issued.getStatusCode().value()).isEqualTo(201);
    assertThat(issued.getHeaders().getCacheControl()).isEqualTo("no-store");
    String newCode = issued.getBody().path("accessCode").asText();
    assertThat(newCode).isNotEqualTo(code);
    assertThat(accessCodes.verify(reference, newCode, "127.0.0.1")).isEqualTo(reference);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> accessCodes.verify(reference, code, "127.0.0.1"))
        .isInstanceOf(org.redress.complaint.AccessCodes.ComplaintNotFound.class);
    TimelineEvent reissued = timeline.of(reference).get(timeline.of(reference).size() - 1);
    assertThat(reissued.type()).isEqualTo(ACCESS_CODE_ISSUED);
    assertThat(reissued.actor()).isEqualTo("handler2");
    assertThat(reissued.summary() + reissued.details()).doesNotContain(newCode);
    assertThat(api("auditor").post().uri("/api/staff/complaints/{ref}/access-code", reference).retrieve()
        .toEntity(String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(api("handler").get().uri("/api/staff/complaints/{ref}/letters/nonsense", reference).retrieve()
        .toEntity(String.class).getStatusCode().value()).isEqualTo(404);
  }

  @Autowired org.redress.complaint.AccessCodes accessCodes;

  RestClient api(String user) {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(headers -> headers.setBasicAuth(user, user))
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  byte[] letter(String user, String reference, String letter) {
    ResponseEntity<byte[]> pdf = api(user).get().uri("/api/staff/complaints/{ref}/letters/{letter}", reference, letter)
        .retrieve().toEntity(byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    return pdf.getBody();
  }

  static String pdfText(byte[] pdf) throws java.io.IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  void sendLetter(String instanceId, String taskKey, String user) {
    submitTask(instanceId, taskKey, user, Map.of("letterSentOn",
        org.redress.complaint.EngineClock.now().toLocalDate().toString(), "letterSentHow", "post"));
  }

  String startComplaint(Map<String, Object> overrides) {
    Map<String, Object> form = new LinkedHashMap<>(ComplaintDriver.phoneComplaint());
    form.putAll(overrides);
    ResponseEntity<JsonNode> response = as("handler").post().uri("/process-definition/key/complaint-handling/submit-form")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables(form)))
        .retrieve().toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return response.getBody().path("id").asText();
  }

  String businessKey(String instanceId) {
    return rest.get().uri("/history/process-instance/{id}", instanceId).retrieve().body(JsonNode.class)
        .path("businessKey").asText();
  }

  /** Runs the due jobs of the instance, as the job executor would. */
  void runJobs(String instanceId) {
    for (int round = 0; round < 20; round++) {
      JsonNode jobs = rest.get().uri("/job?processInstanceId={id}&executable=true", instanceId)
          .retrieve().body(JsonNode.class);
      if (jobs.isEmpty()) {
        return;
      }
      ResponseEntity<String> executed = rest.post().uri("/job/{id}/execute", jobs.get(0).path("id").asText())
          .retrieve().toEntity(String.class);
      assertThat(executed.getStatusCode().value()).as(executed.getBody()).isEqualTo(204);
    }
    throw new AssertionError("jobs keep coming for " + instanceId);
  }

  String taskId(String instanceId, String taskKey) {
    JsonNode tasks = rest.get().uri("/task?processInstanceId={id}&taskDefinitionKey={key}", instanceId, taskKey)
        .retrieve().body(JsonNode.class);
    assertThat(tasks.size()).as("open " + taskKey).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }

  void submitTask(String instanceId, String taskKey, String user, Map<String, Object> values) {
    String taskId = taskId(instanceId, taskKey);
    ResponseEntity<String> claimed = as(user).post().uri("/task/{id}/claim", taskId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("userId", user)).retrieve().toEntity(String.class);
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    ResponseEntity<String> submitted = as(user).post().uri("/task/{id}/submit-form", taskId)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables(values)))
        .retrieve().toEntity(String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }
}
