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
