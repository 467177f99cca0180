package org.redress.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Public words kept apart from internal notes (ISO 10002 4.10): every field of every form in forms/
 * either is declared in {@link PublicFields} and says "Shown to the complainant" in its form, or is
 * internal and says nothing of the kind; and when complaints run through every path with a marker in
 * every free-text field, exactly the declared fields turn up in what the complainant can read — the
 * status page's view (which is all the page renders) and the letters' facts and greeting.
 */
@RedressTest
class PublicFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired ComplaintTracking tracking;
  @Autowired ObjectMapper json;

  @Test
  void everyFormField_isMarkedInItsForm_exactlyWhenItIsDeclaredPublic() throws IOException {
    Map<String, List<String>> wrong = new TreeMap<>();
    int fields = 0;
    for (Path form : forms()) {
      String id = form.getFileName().toString().replace(".form", "");
      for (JsonNode field : fields(JSON.readTree(form.toFile()))) {
        fields++;
        String key = field.path("key").asText();
        boolean marked = field.path("description").asText().startsWith(PublicFields.MARK);
        if (marked != PublicFields.isPublic(id, key)) {
          wrong.computeIfAbsent(id, k -> new ArrayList<>()).add(key + (marked ? " (marked, not declared)" : " (declared, not marked)"));
        }
      }
    }
    assertThat(fields).isGreaterThan(50);
    assertThat(wrong).isEmpty();
    PublicFields.BY_FORM.forEach((form, keys) -> assertThat(Files.exists(Path.of("forms", form + ".form"))).as(form).isTrue());
  }

  @Test
  void withAMarkerInEveryFreeTextField_onlyTheDeclaredFieldsReachTheStatusPageOrTheLetters() throws Exception {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    Map<String, Set<String>> marked = new HashMap<>();

    // a safety complaint: immediate action, override, investigation, approval sent back, rejected twice, recourse
    Map<String, Object> registration = ComplaintDriver.with(ComplaintDriver.phoneComplaint(), "safetyConcern", true);
    mark(marked, "register-complaint", registration, "complainantName", "complainantOrganisation", "onBehalfOf",
        "complainantAddress", "productOrService", "orderReference", "description", "remedyRequested",
        "immediateActionAtReceipt");
    ProcessInstance first = driver.registerAndAssess("handler", registration);
    driver.complete(first, "Task_TakeImmediateAction", "handler",
        values(marked, "take-immediate-action", List.of("immediateActionTaken")));
    driver.complete(first, "Task_ReviewAssessment", "handler",
        values(marked, "review-assessment", List.of("overrideReason"), "severity", "high", "responseTarget", "P5D"));
    driver.complete(first, "Task_InvestigateComplaint", "handler",
        values(marked, "investigate-complaint", List.of("findings"), "rootCause", "third-party", "complaintJustified", "justified"));
    Object[] response = values(marked, "propose-response", List.of("responseRemedy", "responseExplanation", "preventiveAction"),
        "actionRequired", false);
    driver.complete(first, "Task_ProposeResponse", "handler", response);
    driver.complete(first, "Task_ApproveResponse", "supervisor",
        values(marked, "approve-response", List.of("approvalComment"), "approvalDecision", "send-back"));
    driver.complete(first, "Task_ProposeResponse", "handler", response);
    driver.complete(first, "Task_ApproveResponse", "supervisor", "approvalDecision", "approve");
    driver.complete(first, "Task_RecordComplainantAnswer", "handler2",
        values(marked, "record-complainant-answer", List.of("complainantReason"), "complainantAnswer", "rejected"));
    driver.complete(first, "Task_ReviewDecision", "supervisor2", values(marked, "review-decision",
        List.of("reviewReasons", "responseRemedy", "responseExplanation"), "reviewOutcome", "revised", "actionRequired", false));
    driver.complete(first, "Task_RecordComplainantAnswer", "handler2",
        "complainantAnswer", "rejected", "complainantReason", "Still not enough.");
    driver.runDueJobs(first);
    driver.complete(first, "Task_RecordExternalRecourse", "supervisor2", values(marked, "record-external-recourse",
        List.of("externalReference", "externalOutcome"), "recourseTaken", "referred", "externalBody", "ombudsman"));

    // a simple complaint accepted with an agreed action
    ProcessInstance second = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    driver.complete(second, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    driver.complete(second, "Task_ProposeResponse", "handler", "responseRemedy", "We remove the late fee.",
        "responseExplanation", "Your payment reached us on time.", "actionRequired", true);
    driver.complete(second, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");
    driver.complete(second, "Task_CarryOutAgreedAction", "handler2",
        values(marked, "carry-out-agreed-action", List.of("actionTaken")));

    StringBuilder publicText = new StringBuilder();
    for (ProcessInstance instance : List.of(first, second)) {
      String reference = driver.reference(instance);
      publicText.append(json.writeValueAsString(tracking.view(reference))); // all the status page renders
      timeline.of(reference).stream().filter(e -> e.type() == EventType.MESSAGE_SENT).forEach(letter -> publicText
          .append(letter.details()).append(complaints.get(reference).complainantName())); // letters: facts + greeting
    }
    Map<String, Set<String>> reached = new TreeMap<>();
    Map<String, Set<String>> declared = new TreeMap<>();
    marked.forEach((form, keys) -> keys.forEach(key -> {
      if (publicText.indexOf(marker(form, key)) >= 0) {
        reached.computeIfAbsent(form, f -> new TreeSet<>()).add(key);
      }
      if (PublicFields.isPublic(form, key)) {
        declared.computeIfAbsent(form, f -> new TreeSet<>()).add(key);
      }
    }));
    assertThat(reached).isEqualTo(declared);
    assertThat(declared).containsKeys("register-complaint", "propose-response", "review-decision");
  }

  static String marker(String form, String key) {
    return "Marker " + form + "." + key + " text";
  }

  /** Marks the free-text fields of a form map in place. */
  static void mark(Map<String, Set<String>> marked, String form, Map<String, Object> values, String... keys) {
    for (String key : keys) {
      values.put(key, marker(form, key));
      marked.computeIfAbsent(form, f -> new TreeSet<>()).add(key);
    }
  }

  /** Task values: a marker in each free-text field named, then the other key/value pairs as given. */
  static Object[] values(Map<String, Set<String>> marked, String form, List<String> texts, Object... pairs) {
    List<Object> out = new ArrayList<>();
    for (String key : texts) {
      out.add(key);
      out.add(marker(form, key));
      marked.computeIfAbsent(form, f -> new TreeSet<>()).add(key);
    }
    out.addAll(List.of(pairs));
    return out.toArray();
  }

  static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }

  static List<JsonNode> fields(JsonNode form) {
    List<JsonNode> out = new ArrayList<>();
    collect(form.path("components"), out);
    return out;
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        out.add(c);
      }
      collect(c.path("components"), out);
    }
  }
}
