package org.redress.auditing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.classification.CodeLists;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EventType;
import org.redress.complaint.SealTimelines;
import org.redress.complaint.StaffTime;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditors' API (issue 5) on a real database: search, history, authorization, and the hash
 * chain's tamper evidence. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class AuditApiContract {

  static final String API = "/api/staff/audit/complaints";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired SealTimelines sealTimelines;
  @Autowired StaffTime staffTime;
  @Autowired CodeLists codeLists;
  ComplaintDriver driver;
  StaffHttp http;

  @BeforeEach
  void setUp() {
    driver = new ComplaintDriver(engine, complaints, timeline);
    http = new StaffHttp(port);
  }

  /** Low severity, resolved directly, accepted: closed, with the process ended. */
  String closedComplaint(String name) {
    return closedComplaint(name, "We remove the late fee for " + name + ".");
  }

  String closedComplaint(String name, String remedy) {
    ProcessInstance complaint = driver.registerAndAssess("handler",
        ComplaintDriver.with(ComplaintDriver.phoneComplaint(), "complainantName", name));
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    driver.complete(complaint, "Task_ProposeResponse", "handler",
        "responseRemedy", remedy,
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "actionRequired", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");
    return driver.reference(complaint);
  }

  String openComplaint() {
    return driver.reference(driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint()));
  }

  JsonNode get(String user, String path) {
    StaffHttp.Response response = http.get(user, path);
    assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void search_findsClosedAndRunningComplaints_byReferenceStatusStageChannelDateAndState() {
    String closed = closedComplaint("Audrey Searchable");
    String open = openComplaint();
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    JsonNode byReference = get("auditor", API + "?reference=" + closed);
    assertThat(byReference.path("total").asLong()).isEqualTo(1);
    JsonNode item = byReference.path("items").get(0);
    assertThat(item.path("reference").asText()).isEqualTo(closed);
    assertThat(item.path("running").asBoolean()).isFalse();
    assertThat(item.path("status").asText()).isEqualTo("CLOSED");
    assertThat(item.path("stage").asText()).isEqualTo("closure");
    assertThat(item.path("channel").asText()).isEqualTo("phone");
    assertThat(item.path("severity").asText()).isEqualTo("low");
    assertThat(item.path("processInstanceId").asText()).isNotBlank();
    assertThat(item.path("closedAt").asText()).isNotBlank();
    assertThat(item.path("complainantName").isNull()).as("an auditor alone does not see who complained").isTrue();
    // next to each code what a person reads: labels, and moments in the one staff format
    assertThat(item.path("statusLabel").asText()).isEqualTo("Closed");
    assertThat(item.path("stageLabel").asText()).isEqualTo("Closing (7.9)");
    assertThat(item.path("channelLabel").asText()).isEqualTo("Phone");
    assertThat(item.path("severityLabel").asText()).isEqualTo("Low");
    assertThat(item.path("receivedAtText").asText())
        .isEqualTo(staffTime.format(OffsetDateTime.parse(item.path("receivedAt").asText())));
    assertThat(item.path("closedAtText").asText())
        .isEqualTo(staffTime.format(OffsetDateTime.parse(item.path("closedAt").asText())));

    JsonNode openOnes = get("auditor", API + "?state=open&size=200&receivedFrom=" + today + "&receivedTo=" + today);
    assertThat(references(openOnes)).contains(open).doesNotContain(closed);
    JsonNode running = openOnes.path("items").findParents("reference").stream()
        .filter(n -> n.path("reference").asText().equals(open)).findFirst().orElseThrow();
    assertThat(running.path("running").asBoolean()).isTrue();
    assertThat(references(get("auditor", API + "?state=closed&size=200"))).contains(closed).doesNotContain(open);
    assertThat(references(get("auditor", API + "?status=closed&stage=closure&channel=phone&size=200"))).contains(closed);
    assertThat(references(get("auditor", API + "?stage=assessment&size=200"))).contains(open).doesNotContain(closed);
    assertThat(get("auditor", API + "?reference=" + closed + "&receivedTo=2000-01-01").path("total").asLong()).isZero();
    assertThat(get("auditor", API + "?reference=" + closed + "&overdue=false").path("total").asLong()).isEqualTo(1);
    assertThat(get("auditor", API + "?reference=" + closed + "&overdue=true").path("total").asLong()).isZero();

    JsonNode paged = get("auditor", API + "?size=1&page=1");
    assertThat(paged.path("page").asInt()).isEqualTo(1);
    assertThat(paged.path("size").asInt()).isEqualTo(1);
    assertThat(paged.path("items")).hasSize(1);
    assertThat(paged.path("total").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void search_byComplainantName_onlyForStaffAllowedToSeePersonalData() {
    String closed = closedComplaint("Ottilie Namesearch");
    JsonNode asAdmin = get("admin", API + "?name=ottilie%20names");
    assertThat(references(asAdmin)).containsExactly(closed);
    assertThat(asAdmin.path("items").get(0).path("complainantName").asText()).isEqualTo("Ottilie Namesearch");

    StaffHttp.Response asAuditor = http.get("auditor", API + "?name=ottilie");
    assertThat(asAuditor.status()).isEqualTo(400);
    assertThat(asAuditor.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(asAuditor.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
  }

  @Test
  void search_refusesNonsenseWithFieldAndReason() {
    for (String query : List.of("status=LOST", "stage=nowhere", "channel=pigeon", "receivedFrom=2026-13-01",
        "overdue=maybe", "state=sleeping", "page=-1", "size=0", "size=x")) {
      StaffHttp.Response response = http.get("auditor", API + "?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.json().path("errors").get(0).path("field").asText()).as(query)
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  void auditApi_isForAuditorsAndAdministrators() {
    String reference = openComplaint();
    String history = API + "/" + reference + "/history";
    assertThat(http.get(StaffHttp.ANONYMOUS, history).status()).isEqualTo(401);
    for (String user : List.of("handler", "supervisor", "owner", "manager")) {
      StaffHttp.Response refused = http.get(user, history);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(http.get(user, API).status()).as(user).isEqualTo(403);
    }
    assertThat(http.get("auditor", history).status()).isEqualTo(200);
    assertThat(http.get("admin", history).status()).isEqualTo(200);
    assertThat(http.get("auditor", API + "/C-1999-999999/history").status()).isEqualTo(404);
    assertThat(http.get("auditor", API + "/C-1999-999999/case-file").status()).isEqualTo(404);
    assertThat(http.get("auditor", API + "/C-1999-999999/verification").status()).isEqualTo(404);
  }

  @Test
  void choices_giveEveryStatusStageChannelAndCategoryWithItsLabel() {
    JsonNode choices = get("auditor", "/api/staff/audit/choices");
    assertThat(label(choices.path("statuses"), "DECISION_COMMUNICATED")).isEqualTo("Decision communicated");
    assertThat(choices.path("statuses")).hasSize(ComplaintStatus.values().length);
    assertThat(label(choices.path("stages"), "closure")).isEqualTo("Closing (7.9)");
    assertThat(label(choices.path("stages"), "assessment")).isEqualTo("Acknowledgement and initial assessment (7.4, 7.5)");
    assertThat(label(choices.path("channels"), "in-person")).isEqualTo("In person");
    assertThat(label(choices.path("severities"), "critical")).isEqualTo("Critical");
    CodeLists.Entry category = codeLists.active(CodeLists.CATEGORY).get(0);
    assertThat(label(choices.path("categories"), category.code())).isEqualTo(category.label());
    assertThat(http.get("handler", "/api/staff/audit/choices").status()).isEqualTo(403);
  }

  static String label(JsonNode choices, String code) {
    return choices.findParents("code").stream().filter(c -> c.path("code").asText().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no choice " + code + " in " + choices)).path("label").asText();
  }

  @Test
  void history_ofAClosedComplaint_tellsAssessmentWithDecisionOutputs_decisionAndClosure() {
    String reference = closedComplaint("Harriet History");
    JsonNode h = get("auditor", API + "/" + reference + "/history");

    assertThat(h.path("reference").asText()).isEqualTo(reference);
    assertThat(h.path("running").asBoolean()).isFalse();
    assertThat(h.path("processDefinitionKey").asText()).isEqualTo("complaint-handling");
    assertThat(h.path("endTime").asText()).isNotBlank();
    assertThat(h.path("diagramXml").asText()).contains("bpmn:definitions", "Task_AssessComplaint");
    assertThat(h.path("activityCounts").path("Task_AssessComplaint").asInt()).isEqualTo(1);
    assertThat(h.path("activityCounts").path("EndEvent_ComplaintClosed").asInt()).isEqualTo(1);
    assertThat(h.path("runningActivityIds")).isEmpty();
    assertThat(texts(h.path("takenSequenceFlowIds"))).isNotEmpty();

    JsonNode decision = entries(h, "DECISION").get(0);
    assertThat(decision.path("details").path("decisionDefinitionKey").asText()).isEqualTo("initial-assessment");
    assertThat(decision.path("details").path("outputs").findValuesAsText("name")).contains("severity", "team");
    assertThat(decision.path("details").path("inputs").findValuesAsText("name")).isNotEmpty();
    assertThat(decision.path("details").path("matchedRules")).isNotEmpty();
    assertThat(decision.path("link").asText()).startsWith("#/decision-instance/");
    assertThat(decision.path("summary").asText()).as("the rule's result in its own labels and in words")
        .contains("Severity: low", "Response target: 15 working days", "Immediate action needed: no")
        .doesNotContain("P15D", "responseTarget", "=");
    assertThat(decision.path("activityName").asText()).as("named after its task, not its id").isNotBlank()
        .doesNotStartWith("Task_");

    JsonNode review = entries(h, "TASK").stream()
        .filter(e -> e.path("activityId").asText().equals("Task_ReviewAssessment")).findFirst().orElseThrow();
    assertThat(review.path("actor").asText()).isEqualTo("handler");
    assertThat(review.path("durationMillis").isNumber()).isTrue();
    assertThat(entries(h, "FORM_SUBMITTED")).anySatisfy(form -> {
      assertThat(form.path("activityId").asText()).isEqualTo("Task_ProposeResponse");
      assertThat(form.path("details").path("fields").path("responseRemedy").asText()).isEqualTo("We remove the late fee for Harriet History.");
    });
    assertThat(entries(h, "VARIABLE")).isNotEmpty();
    assertThat(entries(h, "OPERATION")).anySatisfy(op -> assertThat(op.path("actor").asText()).isEqualTo("handler"));
    assertThat(entries(h, "ACTIVITY")).anySatisfy(
        a -> assertThat(a.path("activityId").asText()).isEqualTo("Task_CloseComplaint"));
    assertThat(entries(h, "MESSAGE")).isNotEmpty();

    List<String> times = h.path("entries").findValuesAsText("time");
    assertThat(times).isSorted();

    JsonNode domain = h.path("domainTimeline");
    assertThat(domain.findValuesAsText("type")).contains("RECEIVED", "ASSESSED", "DECISION_COMMUNICATED", "CLOSED");
    assertThat(domain.findValuesAsText("typeLabel")).contains("Complaint received", "Decision communicated",
        "Complaint closed").doesNotContain("DECISION_COMMUNICATED");
    for (JsonNode event : domain) {
      assertThat(event.path("occurredAtText").asText())
          .isEqualTo(staffTime.format(OffsetDateTime.parse(event.path("occurredAt").asText())));
    }
    assertThat(h.path("startTimeText").asText()).isEqualTo(staffTime.format(java.time.Instant.from(
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(h.path("startTime").asText()))));
    assertThat(h.path("entries").findValuesAsText("timeText")).hasSize(h.path("entries").size())
        .allSatisfy(text -> assertThat(text).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+"));
    assertThat(domain.get(0).path("sequence").asInt()).isEqualTo(1);
    assertThat(domain.get(0).path("previousHash").isNull()).isTrue();
    assertThat(domain.get(1).path("previousHash").asText()).isEqualTo(domain.get(0).path("hash").asText());
    assertThat(h.path("verification").path("intact").asBoolean()).isTrue();
  }

  @Test
  void verification_untouchedTimeline_isIntact() {
    String reference = closedComplaint("Ursula Untouched");
    JsonNode v = get("auditor", API + "/" + reference + "/verification");
    assertThat(v.path("intact").asBoolean()).isTrue();
    assertThat(v.path("events").asInt()).isEqualTo(timeline.of(reference).size());
    assertThat(v.path("problems")).isEmpty();
  }

  @Test
  void verification_eventChangedDirectlyInTheDatabase_isReportedAltered() {
    String reference = closedComplaint("Tessa Tampered");
    TimelineEvent victim = timeline.of(reference).get(2);
    jdbc.sql("UPDATE complaint_event SET summary = :summary WHERE id = :id")
        .param("summary", "Nothing to see here").param("id", victim.id()).update();

    JsonNode v = get("auditor", API + "/" + reference + "/verification");
    assertThat(v.path("intact").asBoolean()).isFalse();
    assertThat(v.path("problems")).hasSize(1);
    assertThat(v.path("problems").get(0).path("problem").asText()).isEqualTo("ALTERED");
    assertThat(v.path("problems").get(0).path("eventId").asLong()).isEqualTo(victim.id());
    assertThat(v.path("problems").get(0).path("sequence").asInt()).isEqualTo(3);
  }

  @Test
  void verification_eventDeletedDirectlyInTheDatabase_isReportedMissing() {
    String reference = closedComplaint("Morris Missing");
    TimelineEvent victim = timeline.of(reference).get(1);
    jdbc.sql("DELETE FROM complaint_event WHERE id = :id").param("id", victim.id()).update();

    JsonNode v = get("auditor", API + "/" + reference + "/verification");
    assertThat(v.path("intact").asBoolean()).isFalse();
    assertThat(v.path("problems").findValuesAsText("problem")).containsExactly("MISSING");
    assertThat(v.path("problems").get(0).path("sequence").asInt()).isEqualTo(victim.sequence());
  }

  @Test
  void verification_hashRecomputedWithoutTheLink_isReportedBrokenLink() {
    String reference = closedComplaint("Bertram Broken");
    TimelineEvent victim = timeline.of(reference).get(3);
    String forged = org.redress.complaint.TimelineChain.hash(victim, victim.sequence(), "0".repeat(64));
    jdbc.sql("UPDATE complaint_event SET previous_hash = :previous, hash = :hash WHERE id = :id")
        .param("previous", "0".repeat(64)).param("hash", forged).param("id", victim.id()).update();

    JsonNode v = get("auditor", API + "/" + reference + "/verification");
    assertThat(v.path("problems").findValuesAsText("problem")).containsExactly("BROKEN_LINK", "BROKEN_LINK");
  }

  @Test
  void verification_lawfullyAnonymisedComplaint_staysIntact_andNamesTheOldHead() {
    String reference = closedComplaint("Anneliese Anonymous");
    String headBefore = get("auditor", API + "/" + reference + "/verification").path("headHash").asText();
    StaffHttp.Response erased = http.send("supervisor", "DELETE", "/api/staff/complaints/" + reference + "/personal-data",
        null, null);
    assertThat(erased.status()).isEqualTo(200);
    assertThat(timeline.of(reference)).anySatisfy(e -> assertThat(e.summary() + e.details()).contains("[anonymised]"));

    JsonNode v = get("auditor", API + "/" + reference + "/verification");
    assertThat(v.path("intact").asBoolean()).isTrue();
    assertThat(v.path("headHash").asText()).isNotEqualTo(headBefore);
    TimelineEvent erasure = timeline.of(reference).stream().filter(e -> e.type() == EventType.PERSONAL_DATA_ERASED)
        .findFirst().orElseThrow();
    assertThat(erasure.details()).contains("\"previousHeadHash\":\"" + headBefore + "\"",
        "\"chainIntactBeforeResealing\":true");
  }

  @Test
  void concurrentEventsForOneComplaint_inSeparateTransactions_extendOneChain() throws Exception {
    String reference = openComplaint();
    int before = timeline.of(reference).size();
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        writers.add(pool.submit(() -> transaction.executeWithoutResult(status -> timeline.record(reference,
            EventType.REMINDER_SENT, "system", "parallel branch " + n, Map.of("n", n), null, null))));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }
    List<TimelineEvent> events = timeline.of(reference);
    assertThat(events).hasSize(before + 12);
    assertThat(events).extracting(TimelineEvent::sequence)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, before + 12).boxed().toList());
    assertThat(get("auditor", API + "/" + reference + "/verification").path("intact").asBoolean()).isTrue();
  }

  @Test
  void eventsFromBeforeTheChain_areSealedAtStartUp_andBeforeTheNextEvent() {
    String first = openComplaint();
    String second = openComplaint();
    for (String reference : List.of(first, second)) {
      jdbc.sql("UPDATE complaint_event SET sequence = NULL, previous_hash = NULL, hash = NULL WHERE reference = :r")
          .param("r", reference).update();
      assertThat(get("auditor", API + "/" + reference + "/verification").path("problems").findValuesAsText("problem"))
          .containsOnly("UNSEALED");
    }
    assertThat(sealTimelines.sealAll()).isGreaterThanOrEqualTo(1);
    assertThat(get("auditor", API + "/" + first + "/verification").path("intact").asBoolean()).isTrue();

    jdbc.sql("UPDATE complaint_event SET sequence = NULL, previous_hash = NULL, hash = NULL WHERE reference = :r")
        .param("r", second).update();
    new TransactionTemplate(transactions).executeWithoutResult(status -> timeline.record(second,
        EventType.REMINDER_SENT, "system", "first event after the upgrade", Map.of(), null, null));
    JsonNode v = get("auditor", API + "/" + second + "/verification");
    assertThat(v.path("intact").asBoolean()).isTrue();
    assertThat(v.path("headSequence").asInt()).isEqualTo(timeline.of(second).size());
  }

  @Test
  void history_withholdsWhoTheComplainantIs_fromAuditors_notFromAdministrators() {
    String reference = closedComplaint("Wilhelmina Withheld", "We remove the late fee.");
    JsonNode startForm = entries(get("auditor", API + "/" + reference + "/history"), "FORM_SUBMITTED").stream()
        .filter(f -> f.path("details").path("fields").has("complainantName")).findFirst().orElseThrow();
    assertThat(startForm.path("details").path("fields").path("complainantName").asText())
        .isEqualTo(ComplaintHistory.WITHHELD);
    assertThat(startForm.path("details").path("fields").path("productOrService").asText()).startsWith("Broadband");
    assertThat(get("auditor", API + "/" + reference + "/history").toString()).doesNotContain("Wilhelmina");
    assertThat(get("admin", API + "/" + reference + "/history").toString()).contains("Wilhelmina Withheld");
  }

  @Test
  void caseFile_asJson_hasComplaintHistoryTimelineChainAndHeadHash() {
    String reference = closedComplaint("Caspar Casefile", "We remove the late fee.");
    JsonNode file = get("auditor", API + "/" + reference + "/case-file");
    assertThat(file.path("reference").asText()).isEqualTo(reference);
    assertThat(file.path("generatedBy").asText()).isEqualTo("auditor");
    assertThat(file.path("verification").path("intact").asBoolean()).isTrue();
    assertThat(file.path("headHash").asText()).hasSize(64)
        .isEqualTo(timeline.of(reference).get(timeline.of(reference).size() - 1).hash());
    assertThat(file.path("complaint").path("complainant").asText()).isEqualTo(ComplaintHistory.WITHHELD);
    assertThat(file.path("complaint").path("channel").asText()).isEqualTo("phone");
    assertThat(file.path("state").path("status").asText()).isEqualTo("CLOSED");
    assertThat(entries(file.path("history"), "DECISION")).isNotEmpty();
    assertThat(file.path("history").path("domainTimeline").findValuesAsText("hash")).hasSize(timeline.of(reference).size());
    assertThat(file.toString()).doesNotContain("Caspar");
    assertThat(get("admin", API + "/" + reference + "/case-file").path("complaint").path("complainantName").asText())
        .isEqualTo("Caspar Casefile");

    StaffHttp.Response download = http.get("auditor", API + "/" + reference + "/case-file.json");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("attachment", "case-file-" + reference + ".json"));
  }

  @Test
  void caseFile_asPdf_isAReadableDocument_ofAtMostFourPages_withTheCodesOnlyInTheAppendix() throws Exception {
    String reference = closedComplaint("Petra Printable");
    java.net.http.HttpResponse<byte[]> pdf = bytes("auditor", API + "/" + reference + "/case-file.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("attachment", ".pdf"));
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).as("a simple complaint's case file").isLessThanOrEqualTo(4);
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      // the first page, for the auditors' guide (docs/images/case-file-page-1.png is a copy)
      java.nio.file.Path png = java.nio.file.Path.of("target/screenshots/case-file-page-1.png");
      java.nio.file.Files.createDirectories(png.getParent());
      java.nio.file.Files.write(png.resolveSibling("case-file.pdf"), pdf.body());
      javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80),
          "png", png.toFile());
    }
    assertThat(text).containsSubsequence("Case file " + reference, "The complaint as received", "Where it stands",
        "Decisions and their reasons", "Timeline", "Letters and e-mails to the complainant",
        "Verification of the timeline", "Appendix: technical record");
    String document = text.substring(0, text.indexOf("Appendix: technical record"));
    String appendix = text.substring(text.indexOf("Appendix: technical record"));
    assertThat(document).contains("Channel", "Telephone", "Complainant", ComplaintHistory.WITHHELD,
        "Status", "Closed", "Severity", "Low", "Response target", "15 working days",
        "Response proposed", "Remedy", "We remove the late fee for Petra Printable.", "Explanation",
        "Decision accepted", "Outcome", "Accepted", "Decision communicated", "Acknowledgement",
        "Intact: all " + timeline.of(reference).size() + " events");
    assertThat(document).as("no empty value printed").doesNotContainPattern("\\bnull\\b");
    for (EventType type : EventType.values()) {
      if (type.name().contains("_")) {
        assertThat(document).as("event codes only in the appendix").doesNotContain(type.name());
      }
    }
    assertThat(document).as("one date-time format").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [A-Z]")
        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}").doesNotContain("P15D");
    assertThat(appendix).contains("DECISION_COMMUNICATED", "CLOSED", timeline.of(reference).get(0).hash(),
        "Process variables");

    StaffHttp.Response html = http.get("auditor", API + "/" + reference + "/case-file.html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(html.body()).contains("Case file " + reference, "Decisions and their reasons");
    assertThat(bytes("handler", API + "/" + reference + "/case-file.pdf").statusCode()).isEqualTo(403);
    assertThat(bytes(StaffHttp.ANONYMOUS, API + "/" + reference + "/case-file.pdf").statusCode()).isEqualTo(401);
  }

  @Test
  void caseFile_ofATamperedTimeline_saysSo() {
    String reference = closedComplaint("Theo Tamper");
    TimelineEvent victim = timeline.of(reference).get(4);
    jdbc.sql("UPDATE complaint_event SET actor = 'nobody' WHERE id = :id").param("id", victim.id()).update();
    String html = http.get("auditor", API + "/" + reference + "/case-file.html").body();
    assertThat(html).contains("NOT intact", "Altered");
    assertThat(get("auditor", API + "/" + reference + "/case-file").path("verification").path("intact").asBoolean())
        .isFalse();
  }

  java.net.http.HttpResponse<byte[]> bytes(String user, String path) throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + path));
    if (!StaffHttp.ANONYMOUS.equals(user)) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return java.net.http.HttpClient.newHttpClient().send(request.build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<String> references(JsonNode page) {
    return page.path("items").findValuesAsText("reference");
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  static List<JsonNode> entries(JsonNode history, String kind) {
    List<JsonNode> found = new ArrayList<>();
    history.path("entries").forEach(e -> {
      if (e.path("kind").asText().equals(kind)) {
        found.add(e);
      }
    });
    return found;
  }
}
