package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The complainants' API (ISO 10002 7.2-7.4, 7.8, 7.9, 8.3) over HTTP, as a client uses it: submit,
 * follow with the access code, answer the decision, rate the handling. Every error is problem+json.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ComplainantApiContract {

  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired ObjectMapper json;
  RestClient api;
  ComplaintDriver driver;

  @BeforeEach
  void client() {
    api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
    driver = new ComplaintDriver(engine, complaints, timeline);
  }

  static Map<String, Object> complaint() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("complainantName", "Erika Mustermann");
    body.put("complainantEmail", "erika+" + UUID.randomUUID() + "@example.org");
    body.put("preferredChannel", "email");
    body.put("preferredLanguage", "de");
    body.put("productOrService", "Mobile contract " + UUID.randomUUID());
    body.put("orderReference", "K-12345");
    body.put("problemDate", "2026-10-30");
    body.put("description", "I was charged twice for the same month of my mobile contract.");
    body.put("remedyRequested", "Refund the second charge.");
    body.put("amountAtStake", 29.99);
    return body;
  }

  // ---------------------------------------------------------------- submission (7.2)

  @Test
  void submittedComplaint_is201WithReferenceAndAccessCode_recordedAsApiChannel_andTrackableWithTheCode() {
    ResponseEntity<JsonNode> created = submit(complaint(), null);

    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    JsonNode body = created.getBody();
    String reference = body.path("reference").asText();
    String code = body.path("accessCode").asText();
    assertThat(reference).matches("C-\\d{4}-\\d{6}");
    assertThat(code.replace("-", "")).hasSize(32); // 160 bits in base32
    assertThat(body.path("statusUrl").asText()).endsWith("/api/complaints/" + reference);
    assertThat(created.getHeaders().getLocation()).hasToString(body.path("statusUrl").asText());
    assertThat(jdbc.sql("SELECT channel || '/' || received_by FROM complaint WHERE reference = :r").param("r", reference)
        .query(String.class).single()).isEqualTo("api/complainant");
    String storedHash = jdbc.sql("SELECT code_hash FROM complaint_access WHERE reference = :r").param("r", reference)
        .query(String.class).single();
    assertThat(storedHash).hasSize(64).doesNotContain(code).doesNotContain(code.replace("-", ""));

    ResponseEntity<JsonNode> status = api.get().uri("/api/complaints/{r}", reference).header("X-Access-Code", code)
        .retrieve().toEntity(JsonNode.class);
    assertThat(status.getStatusCode().value()).isEqualTo(200);
    assertThat(status.getBody().path("status").asText()).isEqualTo("Received");
    assertThat(status.getBody().path("timeline").get(0).path("type").asText()).isEqualTo("RECEIVED");
    assertThat(status(reference, code.toLowerCase().replace("-", "")).getStatusCode().value())
        .as("any case, no hyphens").isEqualTo(200);
  }

  /**
   * The complaint lives in Redress's tables: the submission reaches Task_RecordComplaint as transient
   * variables, so neither the running process nor Camunda's history (variable instances, their details)
   * holds a copy of a submitted field — after the assessment and acknowledgement as well. What the process
   * holds is what it decides on; the task forms' context is not kept in the history either.
   */
  @Test
  void submittedComplaint_leavesNoCopyOfTheSubmissionInProcessVariablesOrTheirHistory() {
    String reference = submit(complaint(), null).getBody().path("reference").asText();
    ProcessInstance instance = driver.byReference(reference);
    driver.runDueJobs(instance);

    Set<String> running = new HashSet<>();
    engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list()
        .forEach(v -> running.add(v.getName()));
    Set<String> historic = new HashSet<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .includeDeleted().list().forEach(v -> historic.add(v.getName()));
    engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .list().forEach(d -> historic.add(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()));

    assertThat(running).contains("complaintReference", "channel", "severity", "priority", "responseDueDate", "team")
        .doesNotContainAnyElementsOf(org.redress.intake.ComplaintForm.PUBLIC_FIELDS);
    assertThat(historic).contains("complaintReference", "severity")
        .doesNotContainAnyElementsOf(org.redress.intake.ComplaintForm.PUBLIC_FIELDS);

    // the task's form context (copies of the complaint, its timeline, the code lists) is there for the form,
    // and not copied into the history (engine/FormContextWithoutHistory)
    List<String> context = List.of("complaintSummary", "assessmentSummary", "caseHistory", "categoryOptions",
        "productOptions", "rootCauseOptions");
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ReviewAssessment").singleResult().getId();
    assertThat(engine.getTaskService().getVariablesLocal(task)).containsKeys(context.toArray(String[]::new));
    assertThat(historic).doesNotContainAnyElementsOf(context);
  }

  @Test
  void afterAcknowledgement_theStatusShowsStageNextDeadlineAndTheLetterSent() {
    JsonNode receipt = submit(complaint(), null).getBody();
    String reference = receipt.path("reference").asText();
    driver.runDueJobs(driver.byReference(reference));

    JsonNode status = status(reference, receipt.path("accessCode").asText()).getBody();
    assertThat(status.path("statusCode").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(status.path("stage").asText()).isEqualTo("We are looking into your complaint");
    assertThat(status.path("nextDeadline").path("due").asText()).isNotBlank();
    assertThat(status.path("letters").get(0).path("message").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(status.path("letters").get(0).path("channel").asText()).as("no mail server in this test: say so")
        .isEqualTo("email, recorded only (this installation sends no e-mail)");
    assertThat(status.toString()).as("nothing internal").doesNotContain("severity", "\"handler\"", "priority");
  }

  @Test
  void everyRefusedField_isListedInOneProblemAnswer_andNothingIsStored() {
    long before = count();
    Map<String, Object> body = complaint();
    body.remove("complainantName");
    body.put("complainantEmail", "not-an-address");
    body.put("description", 42);
    body.put("safetyConcern", "yes");
    body.put("problemDate", "2099-01-01");
    body.put("channel", "phone");
    body.put("colour", "blue");

    ResponseEntity<JsonNode> answer = submit(body, null);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(PROBLEM);
    assertThat(errors(answer.getBody())).containsExactlyInAnyOrder(
        "channel: is not a field of the complaint form",
        "colour: is not a field of the complaint form",
        "complainantName: is required",
        "complainantEmail: is not a valid e-mail address",
        "description: must be text",
        "safetyConcern: must be true or false",
        "problemDate: cannot be in the future");
    assertThat(count()).isEqualTo(before);
  }

  /** Every rule of the complaint form, one refused value at a time: [override, expected error]. */
  static Stream<Arguments> validationRules() {
    return Stream.of(
        rule("complainantName: is required", "complainantName", null),
        rule("complainantName: is required", "complainantName", "   "),
        rule("complainantName: must be at most 200 characters", "complainantName", "x".repeat(201)),
        rule("complainantName: contains control characters", "complainantName", "Jane\u0001Doe"),
        rule("complainantName: must be text", "complainantName", List.of("Jane")),
        rule("complainantOrganisation: must be at most 200 characters", "complainantOrganisation", "x".repeat(201)),
        rule("complainantEmail: is not a valid e-mail address", "complainantEmail", "jane@"),
        rule("complainantEmail: is required when the preferred contact channel is e-mail", "complainantEmail", null),
        rule("complainantPhone: may contain only digits, spaces and + ( ) . / -", "complainantPhone", "call me"),
        rule("complainantPhone: is required when the preferred contact channel is phone", "preferredChannel", "phone"),
        rule("complainantAddress: is required when the preferred contact channel is letter", "preferredChannel", "letter"),
        rule("complainantAddress: must be at most 500 characters", "complainantAddress", "x".repeat(501)),
        rule("preferredChannel: is required", "preferredChannel", null),
        rule("preferredChannel: must be one of email, phone, letter", "preferredChannel", "pigeon"),
        rule("preferredLanguage: must be one of de, en", "preferredLanguage", "fr"),
        rule("onBehalfOf: must be at most 200 characters", "onBehalfOf", "x".repeat(201)),
        rule("productOrService: is required", "productOrService", null),
        rule("productOrService: must be at most 200 characters", "productOrService", "x".repeat(201)),
        rule("orderReference: must be at most 100 characters", "orderReference", "x".repeat(101)),
        rule("problemDate: must be a date like 2026-11-23", "problemDate", "yesterday"),
        rule("problemDate: must be a date like 2026-11-23", "problemDate", "2026-11-01garbage"),
        rule("problemDate: cannot be in the future", "problemDate", "2999-01-01"),
        rule("description: is required", "description", null),
        rule("description: must be at least 10 characters", "description", "Too short"),
        rule("description: must be at most 4000 characters", "description", "x".repeat(4001)),
        rule("remedyRequested: must be at most 2000 characters", "remedyRequested", "x".repeat(2001)),
        rule("amountAtStake: must be a number", "amountAtStake", "lots"),
        rule("amountAtStake: must be between 0 and 999999999999.99", "amountAtStake", -1),
        rule("safetyConcern: must be true or false", "safetyConcern", "yes"),
        rule("legalOrRegulatory: must be true or false", "legalOrRegulatory", 1),
        rule("immediateActionAtReceipt: is not a field of the complaint form", "immediateActionAtReceipt", "Called back"),
        rule("channel: is not a field of the complaint form", "channel", "web"));
  }

  static Arguments rule(String expected, String field, Object value) {
    return Arguments.of(expected, field, value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validationRules")
  void eachRuleOfTheComplaintForm_isAProblemNamingTheFieldAndReason(String expected, String field, Object value) {
    Map<String, Object> body = complaint();
    if (value == null) {
      body.remove(field);
    } else {
      body.put(field, value);
    }
    long before = count();

    ResponseEntity<JsonNode> answer = submit(body, null);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(PROBLEM);
    assertThat(errors(answer.getBody())).containsExactly(expected);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void malformedBodies_are4xxProblems_neverServerErrors() {
    long before = count();
    assertProblem(raw("{\"complainantName\": ", MediaType.APPLICATION_JSON), 400);
    assertProblem(raw("[1, 2, 3]", MediaType.APPLICATION_JSON), 400);
    assertProblem(raw("\"just a string\"", MediaType.APPLICATION_JSON), 400);
    assertProblem(raw("", MediaType.APPLICATION_JSON), 400);
    assertProblem(raw("complainantName=Jane", MediaType.TEXT_PLAIN), 415);
    assertProblem(rawBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
        MediaType.APPLICATION_JSON), 400);
    assertProblem(raw("{\"description\": \"" + "x".repeat(70 * 1024) + "\"}", MediaType.APPLICATION_JSON), 413);
    ResponseEntity<JsonNode> deep = raw("[".repeat(5000) + "]".repeat(5000), MediaType.APPLICATION_JSON);
    assertProblem(deep, 400);
    assertProblem(api.put().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).body("{}")
        .retrieve().toEntity(JsonNode.class), 405);
    assertThat(count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- Idempotency-Key

  @Test
  void retryWithTheSameIdempotencyKey_getsTheSameComplaint_neverADuplicate() {
    Map<String, Object> body = complaint();
    String key = UUID.randomUUID().toString();
    long before = count();

    ResponseEntity<JsonNode> first = submit(body, key);
    ResponseEntity<JsonNode> retry = submit(body, key);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    assertThat(count()).isEqualTo(before + 1);

    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("description", "Something else entirely, with the same key.");
    ResponseEntity<JsonNode> reused = submit(other, key);
    assertThat(reused.getStatusCode().value()).isEqualTo(422);
    assertThat(reused.getHeaders().getContentType()).isEqualTo(PROBLEM);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void concurrentRetriesWithOneKey_recordOneComplaint_andAllGetItsReceipt() throws Exception {
    Map<String, Object> body = complaint();
    String key = UUID.randomUUID().toString();
    long before = count();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return submit(body, key);
        }));
      }
      go.countDown();
      Set<JsonNode> bodies = new HashSet<>();
      for (Future<ResponseEntity<JsonNode>> f : answers) {
        ResponseEntity<JsonNode> answer = f.get();
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        bodies.add(answer.getBody());
      }
      assertThat(bodies).hasSize(1);
      assertThat(count()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSubmissions_getDistinctReferences() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        started.add(pool.submit((Callable<String>) () -> submit(complaint(), null).getBody().path("reference").asText()));
      }
      Set<String> references = new HashSet<>();
      for (Future<String> f : started) {
        references.add(f.get());
      }
      assertThat(references).hasSize(16).allMatch(r -> r.matches("C-\\d{4}-\\d{6}"));
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- access codes (7.3)

  @Test
  void wrongCodes_areThrottledPerClientWithBackoff_neverPerReference_andTheRightCodeAlwaysWorks() {
    JsonNode receipt = submit(complaint(), null).getBody();
    String reference = receipt.path("reference").asText();
    String code = receipt.path("accessCode").asText();
    try {
      ResponseEntity<JsonNode> wrong = status(reference, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH");
      ResponseEntity<JsonNode> unknown = status("C-1999-999999", code);
      ResponseEntity<JsonNode> missing = api.get().uri("/api/complaints/{r}", reference).retrieve().toEntity(JsonNode.class);
      assertThat(wrong.getStatusCode().value()).isEqualTo(404);
      assertThat(unknown.getStatusCode().value()).isEqualTo(404);
      assertThat(missing.getStatusCode().value()).isEqualTo(404);
      assertThat(wrong.getBody()).isEqualTo(unknown.getBody()).isEqualTo(missing.getBody());
      assertThat(wrong.getHeaders().getContentType()).isEqualTo(PROBLEM);

      int free = org.redress.complaint.ClientAttempts.Purpose.WRONG_CODE.freePerClient();
      for (int i = 3; i < free; i++) {
        assertThat(status(reference, "wrong-" + i).getStatusCode().value()).isEqualTo(404);
      }
      ResponseEntity<JsonNode> throttled = status(reference, "wrong-again");
      assertThat(throttled.getStatusCode().value()).as("this client, after its free attempts").isEqualTo(429);
      assertThat(throttled.getHeaders().getContentType()).isEqualTo(PROBLEM);
      assertThat(throttled.getHeaders().getFirst("Retry-After")).isEqualTo("30");
      assertThat(status("C-1999-999998", "wrong").getHeaders().getFirst("Retry-After")).as("backoff doubles")
          .isEqualTo("60");

      ResponseEntity<JsonNode> owner = status(reference, code);
      assertThat(owner.getStatusCode().value()).as("the right code works even from the throttled client").isEqualTo(200);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM client_attempt").query(Long.class).single())
          .as("bounded: one row per counted attempt, none per reference")
          .isBetween((long) free, (long) org.redress.complaint.ClientAttempts.Purpose.WRONG_CODE.cap());
      assertThat(jdbc.sql("SELECT COUNT(*) FROM client_attempt WHERE client LIKE '%127.0.0.1%'").query(Long.class)
          .single()).as("no address is stored, only its hash").isZero();
    } finally {
      jdbc.sql("DELETE FROM client_attempt").update(); // other tests share this client (127.0.0.1)
    }

    ResponseEntity<JsonNode> inTheAddress = api.get().uri("/api/complaints/{r}?accessCode={c}", reference, code)
        .retrieve().toEntity(JsonNode.class);
    assertThat(inTheAddress.getStatusCode().value()).as("never the code in an address").isEqualTo(400);
    assertThat(inTheAddress.getBody().path("errors").get(0).path("field").asText()).isEqualTo("accessCode");
  }

  @Test
  void complainantAddsInformationWhileOpen_itIsOnTheTimeline_andALostCodeRequestAlwaysGets202_untilRateLimited() {
    JsonNode receipt = submit(complaint(), null).getBody();
    String reference = receipt.path("reference").asText();
    String code = receipt.path("accessCode").asText();
    ResponseEntity<JsonNode> added = api.post().uri("/api/complaints/{r}/information", reference)
        .header("X-Access-Code", code).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("information", "The late fee was charged again in November.")).retrieve().toEntity(JsonNode.class);
    assertThat(added.getStatusCode().value()).isEqualTo(200);
    JsonNode last = added.getBody().path("timeline").get(added.getBody().path("timeline").size() - 1);
    assertThat(last.path("type").asText()).isEqualTo("INFORMATION_ADDED_BY_COMPLAINANT");
    assertThat(last.path("yourWords").asText()).isEqualTo("The late fee was charged again in November.");
    ResponseEntity<JsonNode> empty = api.post().uri("/api/complaints/{r}/information", reference)
        .header("X-Access-Code", code).contentType(MediaType.APPLICATION_JSON).body(Map.of("information", ""))
        .retrieve().toEntity(JsonNode.class);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);

    try {
      int free = org.redress.complaint.ClientAttempts.Purpose.CODE_RECOVERY.freePerClient();
      for (int i = 0; i < free; i++) {
        Map<String, Object> request = Map.of("reference", i % 2 == 0 ? reference : "C-1999-999999",
            "email", "nobody@example.org");
        assertThat(api.post().uri("/api/complaints/access-code-requests").contentType(MediaType.APPLICATION_JSON)
            .body(request).retrieve().toBodilessEntity().getStatusCode().value())
            .as("the same answer, match or not").isEqualTo(202);
      }
      assertThat(api.post().uri("/api/complaints/access-code-requests").contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("reference", reference, "email", "nobody@example.org")).retrieve().toEntity(JsonNode.class)
          .getStatusCode().value()).isEqualTo(429);
      assertThat(status(reference, code).getStatusCode().value()).as("asking for codes never locks the owner out")
          .isEqualTo(200);
    } finally {
      jdbc.sql("DELETE FROM client_attempt").update();
    }
  }

  // ---------------------------------------------------------------- attachments

  @Test
  void pdfAndPngAttachments_areStored_andOnlyEverServedAsDownloads() {
    MultiValueMap<String, Object> parts = multipart(complaint());
    parts.add("attachments", file("invoice.pdf", PDF, MediaType.APPLICATION_PDF));
    parts.add("attachments", file("../../photo.png", PNG, MediaType.IMAGE_PNG));

    ResponseEntity<JsonNode> created = api.post().uri("/api/complaints").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts).retrieve().toEntity(JsonNode.class);

    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    String reference = created.getBody().path("reference").asText();
    String code = created.getBody().path("accessCode").asText();
    JsonNode files = status(reference, code).getBody().path("attachments");
    assertThat(files).hasSize(2);
    assertThat(files.get(1).path("fileName").asText()).isEqualTo("photo.png");
    ResponseEntity<byte[]> download = api.get().uri("/api/complaints/{r}/attachments/{id}", reference,
        files.get(0).path("id").asLong()).header("X-Access-Code", code).retrieve().toEntity(byte[].class);
    assertThat(download.getBody()).isEqualTo(PDF);
    assertThat(download.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;");
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
  }

  @Test
  void attachmentsThatAreNotPdfOrImages_tooMany_orTooLarge_areRefused_andNothingIsStored() {
    long before = count();
    MultiValueMap<String, Object> disguised = multipart(complaint());
    disguised.add("attachments", file("invoice.pdf", "<html><script>alert(1)</script></html>".getBytes(),
        MediaType.APPLICATION_PDF));
    ResponseEntity<JsonNode> html = postMultipart(disguised);
    assertThat(html.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(html.getBody())).containsExactly("attachments[0]: must be a PDF, PNG or JPEG file");

    MultiValueMap<String, Object> six = multipart(complaint());
    for (int i = 0; i < 6; i++) {
      six.add("attachments", file("page" + i + ".pdf", PDF, MediaType.APPLICATION_PDF));
    }
    ResponseEntity<JsonNode> tooMany = postMultipart(six);
    assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(tooMany.getBody())).containsExactly("attachments: at most 5 files");

    byte[] big = new byte[11 * 1024 * 1024];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    MultiValueMap<String, Object> large = multipart(complaint());
    large.add("attachments", file("big.pdf", big, MediaType.APPLICATION_PDF));
    ResponseEntity<JsonNode> tooLarge = postMultipart(large);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getHeaders().getContentType()).isEqualTo(PROBLEM);
    assertThat(count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- decision (7.8, 7.9) and survey (8.3)

  @Test
  void complainantRejectsWithoutReason_isRefused_thenAcceptsTheDecision_asComplainant() {
    JsonNode receipt = submit(complaint(), null).getBody();
    String reference = receipt.path("reference").asText();
    String code = receipt.path("accessCode").asText();
    ResponseEntity<JsonNode> early = answer(reference, code, Map.of("answer", "accept"));
    assertThat(early.getStatusCode().value()).as("no decision yet").isEqualTo(409);

    ProcessInstance instance = driver.bringToDecision(reference, false);
    JsonNode status = status(reference, code).getBody();
    assertThat(status.path("canAnswer").asBoolean()).isTrue();
    assertThat(status.path("decision").path("remedy").asText()).contains("late fee");
    assertThat(status.path("nextDeadline").path("what").asText()).contains("Your answer");

    ResponseEntity<JsonNode> noReason = answer(reference, code, Map.of("answer", "reject"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(noReason.getBody())).containsExactly("reason: tell us why you reject the decision");
    ResponseEntity<JsonNode> unknownAnswer = answer(reference, code, Map.of("answer", "maybe", "mood", "grumpy"));
    assertThat(unknownAnswer.getStatusCode().value()).isEqualTo(400);
    // still waiting for the answer, with the handler who owns the case (security/CaseOwnership)
    assertThat(driver.task(instance, "Task_RecordComplainantAnswer").getAssignee()).as("nothing changed").isEqualTo("handler");

    ResponseEntity<JsonNode> accepted = answer(reference, code, Map.of("answer", "accept"));
    assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(200);
    assertThat(accepted.getBody().path("canAnswer").asBoolean()).isFalse();
    List<TimelineEvent> events = timeline.of(reference);
    assertThat(events).filteredOn(e -> e.type() == EventType.DECISION_ACCEPTED).singleElement()
        .extracting(TimelineEvent::actor).isEqualTo("complainant");
    assertThat(answer(reference, code, Map.of("answer", "reject", "reason", "Changed my mind"))
        .getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void complainantRejectsWithReason_goesToInternalReview() {
    JsonNode receipt = submit(complaint(), null).getBody();
    String reference = receipt.path("reference").asText();
    ProcessInstance instance = driver.bringToDecision(reference, false);

    ResponseEntity<JsonNode> rejected = answer(reference, receipt.path("accessCode").asText(),
        Map.of("answer", "reject", "reason", "The credit does not cover my bank's charges."));

    assertThat(rejected.getStatusCode().value()).isEqualTo(200);
    assertThat(rejected.getBody().path("statusCode").asText()).isEqualTo("UNDER_INTERNAL_REVIEW");
    driver.task(instance, "Task_ReviewDecision");
  }

  @Test
  void survey_opensAfterClosure_acceptsOneRating_andRefusesBadValues() {
    JsonNode receipt = submit(complaint(), null).getBody();
    String reference = receipt.path("reference").asText();
    String code = receipt.path("accessCode").asText();
    assertThat(survey(reference, code, Map.of("rating", 5)).getStatusCode().value()).as("not closed yet")
        .isEqualTo(409);

    ProcessInstance instance = driver.bringToDecision(reference, false);
    assertThat(answer(reference, code, Map.of("answer", "accept")).getStatusCode().value()).isEqualTo(200);
    driver.runDueJobs(instance);
    assertThat(status(reference, code).getBody().path("canAnswerSurvey").asBoolean()).isTrue();

    ResponseEntity<JsonNode> bad = survey(reference, code, Map.of("rating", 6, "comment", 7));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(bad.getBody())).containsExactlyInAnyOrder("rating: must be a whole number from 1 to 5",
        "comment: must be text");
    ResponseEntity<JsonNode> rated = survey(reference, code, Map.of("rating", 4, "comment", "Quick and fair."));
    assertThat(rated.getStatusCode().value()).isEqualTo(200);
    assertThat(rated.getBody().path("surveyAnswered").asBoolean()).isTrue();
    assertThat(jdbc.sql("SELECT rating FROM satisfaction_survey WHERE reference = :r").param("r", reference)
        .query(Integer.class).single()).isEqualTo(4);
    assertThat(survey(reference, code, Map.of("rating", 1)).getStatusCode().value()).as("once").isEqualTo(409);
  }

  @Test
  void openApiDescription_isServed() {
    ResponseEntity<JsonNode> docs = api.get().uri("/v3/api-docs").retrieve().toEntity(JsonNode.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody().path("paths").has("/api/complaints")).isTrue();
    assertThat(docs.getBody().path("paths").has("/api/complaints/{reference}/answer")).isTrue();
    assertThat(docs.getBody().path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
    assertThat(docs.getBody().path("paths").path("/api/complaints/{reference}").path("get").path("responses")
        .path("404").path("content").has("application/problem+json")).isTrue();
    assertThat(api.get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- helpers

  ResponseEntity<JsonNode> submit(Map<String, Object> body, String idempotencyKey) {
    RestClient.RequestBodySpec request = api.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.body(body).retrieve().toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> status(String reference, String code) {
    return api.get().uri("/api/complaints/{r}", reference).header("X-Access-Code", code).retrieve()
        .toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> answer(String reference, String code, Map<String, Object> body) {
    return api.post().uri("/api/complaints/{r}/answer", reference).header("X-Access-Code", code)
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> survey(String reference, String code, Map<String, Object> body) {
    return api.post().uri("/api/complaints/{r}/survey", reference).header("X-Access-Code", code)
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> raw(String body, MediaType type) {
    return rawBytes(body.getBytes(StandardCharsets.UTF_8), type);
  }

  ResponseEntity<JsonNode> rawBytes(byte[] body, MediaType type) {
    return api.post().uri("/api/complaints").contentType(type).body(body).retrieve().toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> postMultipart(MultiValueMap<String, Object> parts) {
    return api.post().uri("/api/complaints").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
        .toEntity(JsonNode.class);
  }

  MultiValueMap<String, Object> multipart(Map<String, Object> complaint) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      parts.add("complaint", new HttpEntity<>(json.writeValueAsString(complaint), headers));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return parts;
  }

  static HttpEntity<ByteArrayResource> file(String name, byte[] content, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDispositionFormData("attachments", name);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  static void assertProblem(ResponseEntity<JsonNode> answer, int status) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(PROBLEM);
    assertThat(answer.getBody().toString()).doesNotContain("Exception", "at org.", "at java.");
  }

  static List<String> errors(JsonNode problem) {
    List<String> errors = new ArrayList<>();
    problem.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("reason").asText()));
    return errors;
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }
}
