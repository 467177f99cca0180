package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.engine.SubmittedForm;
import org.redress.intake.ComplaintForm;
import org.redress.intake.Registration;
import org.redress.problem.Text;

/**
 * Limits that a Camunda Form and Java share come from one source. A task form is the source of its
 * own text limits (SubmittedForm reads them from the deployed form), so each must fit a process
 * variable. The complaint form's limits are Java's — the same rules serve the API, the public form and
 * the mailbox — and forms/register-complaint.form, Tasklist's start form, must say the same.
 */
class FormLimitsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTextFieldOfEveryForm_fitsAProcessVariable() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        fields(JSON.readTree(form.toFile())).forEach((key, field) -> {
          String type = field.path("type").asText();
          int max = field.path("validate").path("maxLength").asInt(-1);
          if ((type.equals("textfield") || type.equals("textarea")) && (max < 0 || max > SubmittedForm.MAX_TEXT)) {
            tooLong.add(form.getFileName() + " " + key + ": maxLength " + (max < 0 ? "missing" : max));
          }
        });
      }
    }
    assertThat(tooLong).as("every text field needs a maxLength of at most %d", SubmittedForm.MAX_TEXT).isEmpty();
  }

  @Test
  void tasklistsComplaintForm_hasTheLimitsOfTheComplaintForm() throws IOException {
    JsonNode form = JSON.readTree(Path.of("forms", "register-complaint.form").toFile());

    assertThat(differences(form, ComplaintForm.class, Registration.class)).isEmpty();
  }

  @Test
  void aFormWhoseLimitsDifferFromJava_isReported() throws IOException {
    JsonNode form = JSON.readTree("""
        {"components": [
          {"key": "complainantName", "type": "textfield", "validate": {"required": true, "maxLength": 100}},
          {"key": "description", "type": "textarea", "validate": {"maxLength": 4000}},
          {"key": "amountAtStake", "type": "number", "validate": {"min": 0}},
          {"key": "complainantPhone", "type": "textfield", "validate": {"maxLength": 50}}
        ]}""");

    assertThat(differences(form, ComplaintForm.class)).containsExactlyInAnyOrder(
        "complainantName: maxLength 100 in the form, 200 in Java",
        "description: required false in the form, true in Java",
        "description: minLength 0 in the form, 10 in Java",
        "amountAtStake: max none in the form, 999999999999.99 in Java",
        "complainantPhone: pattern none in the form, ^[+0-9 ()./-]{5,50}$ in Java");
  }

  /**
   * The rules of the task listeners that a Camunda Form can express, so that Tasklist catches the mistake
   * before it reaches the server: a value the listener requires (requiredText, requiredChoice) is required
   * in the form; a value it requires only after a certain answer is required and shown only after that
   * answer (form-js validates only the fields it shows). What a form cannot express stays the server's:
   * the contact detail of the preferred channel, a problem date or a letter's date in the future, the
   * reason for a changed assessment, a comment when sending a response back, findings after a "No" in the
   * audit checklist.
   */
  static final List<Rule> SERVER_RULES = List.of(
      Rule.always("take-immediate-action", "immediateActionTaken"),
      Rule.when("review-assessment", "askComplainant", "complainantQuestion", "=askComplainant != true"),
      Rule.when("review-assessment", "askComplainant", "severity", "=askComplainant = true"),
      Rule.when("review-assessment", "askComplainant", "responseTarget", "=askComplainant = true"),
      Rule.when("review-assessment", "askComplainant", "category", "=askComplainant = true"),
      Rule.when("review-assessment", "askComplainant", "product", "=askComplainant = true"),
      Rule.when("investigate-complaint", "askComplainant", "complainantQuestion", "=askComplainant != true"),
      Rule.when("investigate-complaint", "askComplainant", "findings", "=askComplainant = true"),
      Rule.when("investigate-complaint", "askComplainant", "rootCause", "=askComplainant = true"),
      Rule.when("investigate-complaint", "askComplainant", "complaintJustified", "=askComplainant = true"),
      Rule.always("propose-response", "responseRemedy"),
      Rule.always("propose-response", "responseExplanation"),
      Rule.always("approve-response", "approvalDecision"),
      Rule.always("supervise-escalated-complaint", "escalationNotes"),
      Rule.always("record-complainant-answer", "complainantAnswer"),
      Rule.when("record-complainant-answer", "complainantAnswer", "complainantReason", "=complainantAnswer != \"rejected\""),
      Rule.always("review-decision", "reviewOutcome"),
      Rule.always("review-decision", "reviewReasons"),
      Rule.always("review-decision", "responseRemedy"),
      Rule.always("review-decision", "responseExplanation"),
      Rule.always("record-external-recourse", "recourseTaken"),
      Rule.always("record-external-recourse", "externalOutcome"),
      Rule.when("record-external-recourse", "recourseTaken", "externalBody", "=recourseTaken != \"referred\""),
      Rule.always("carry-out-agreed-action", "actionTaken"),
      Rule.always("send-letter", "letterSentOn"),
      Rule.always("send-letter", "letterSentHow"),
      Rule.always("audit-closed-complaint", "acknowledgedInTime"),
      Rule.always("audit-closed-complaint", "assessmentReasonable"),
      Rule.always("audit-closed-complaint", "investigationProportionate"),
      Rule.always("audit-closed-complaint", "decisionCommunicated"),
      Rule.always("audit-closed-complaint", "recourseOffered"),
      Rule.always("audit-closed-complaint", "timelineComplete"),
      Rule.always("propose-corrective-action", "causeKind"),
      Rule.always("propose-corrective-action", "causeCode"),
      Rule.always("propose-corrective-action", "actionTitle"),
      Rule.always("propose-corrective-action", "actionReason"),
      Rule.always("triage-corrective-action", "triageDecision"),
      Rule.when("triage-corrective-action", "triageDecision", "declineReason", "=triageDecision != \"decline\""),
      Rule.always("analyse-root-cause", "rootCauseAnalysis"),
      Rule.always("plan-corrective-action", "actionPlan"),
      Rule.always("plan-corrective-action", "actionOwner"),
      Rule.always("plan-corrective-action", "actionDueDay"),
      Rule.always("implement-corrective-action", "implementationNote"),
      Rule.always("conduct-management-review", "reviewDecisions"),
      Rule.when("conduct-management-review", "correctiveActionDecided", "causeKind", "=correctiveActionDecided != true"),
      Rule.when("conduct-management-review", "correctiveActionDecided", "causeCode", "=correctiveActionDecided != true"),
      Rule.when("conduct-management-review", "correctiveActionDecided", "actionTitle", "=correctiveActionDecided != true"));

  /** A value the server requires: always (hide null), or only when the form shows the field. */
  record Rule(String form, String field, String shownBy, String hide) {
    static Rule always(String form, String field) {
      return new Rule(form, field, null, null);
    }

    static Rule when(String form, String shownBy, String field, String hide) {
      return new Rule(form, field, shownBy, hide);
    }
  }

  @Test
  void whatTheServerRequires_theFormRequires_andShowsOnlyWhenItApplies() throws IOException {
    assertThat(missingRules(SERVER_RULES)).isEmpty();
  }

  @Test
  void aFormThatLetsThroughWhatTheServerRefuses_isReported() throws IOException {
    // record-external-recourse before issue 15: the external body optional and always shown
    JsonNode form = JSON.readTree("""
        {"components": [
          {"key": "recourseTaken", "type": "radio", "validate": {"required": true}},
          {"key": "externalBody", "type": "select"},
          {"key": "externalOutcome", "type": "textarea", "validate": {"minLength": 5}}
        ]}""");

    assertThat(missing(form, "record-external-recourse", SERVER_RULES)).containsExactlyInAnyOrder(
        "record-external-recourse externalBody: not required",
        "record-external-recourse externalBody: hide =recourseTaken != \"referred\" expected, the form has none",
        "record-external-recourse externalOutcome: not required");
  }

  @Test
  void aTextWithAMinimumLength_isRequired_andADueDayCannotBeInThePast() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path path : formFiles()) {
      fields(JSON.readTree(path.toFile())).forEach((key, field) -> {
        if (field.path("validate").path("minLength").asInt(0) > 0 && !field.path("validate").path("required").asBoolean()) {
          // empty passes form-js's minLength, and then the server refuses it
          problems.add(path.getFileName() + " " + key + ": minLength without required");
        }
      });
    }
    assertThat(problems).isEmpty();
    // PlanCorrectiveAction refuses a due day in the past: the date picker offers none
    JsonNode due = fields(JSON.readTree(Path.of("forms", "plan-corrective-action.form").toFile())).get("actionDueDay");
    assertThat(due.path("disallowPassedDates").asBoolean()).isTrue();
  }

  static List<String> missingRules(List<Rule> rules) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String name : rules.stream().map(Rule::form).distinct().toList()) {
      missing.addAll(missing(JSON.readTree(Path.of("forms", name + ".form").toFile()), name, rules));
    }
    return missing;
  }

  static List<String> missing(JsonNode form, String name, List<Rule> rules) {
    Map<String, JsonNode> fields = fields(form);
    List<String> missing = new ArrayList<>();
    for (Rule rule : rules.stream().filter(r -> r.form().equals(name)).toList()) {
      JsonNode field = fields.get(rule.field());
      if (field == null) {
        missing.add(name + " " + rule.field() + ": no such field");
        continue;
      }
      if (!field.path("validate").path("required").asBoolean()) {
        missing.add(name + " " + rule.field() + ": not required");
      }
      String hide = field.path("conditional").path("hide").asText(null);
      if (!java.util.Objects.equals(normalised(hide), normalised(rule.hide()))) {
        missing.add(name + " " + rule.field() + ": hide " + (rule.hide() == null ? "never" : rule.hide())
            + " expected, the form has " + (hide == null ? "none" : hide));
      }
      if (rule.shownBy() != null && !fields.containsKey(rule.shownBy())) {
        missing.add(name + " " + rule.field() + ": no field " + rule.shownBy());
      }
    }
    return missing;
  }

  private static String normalised(String feel) {
    return feel == null ? null : feel.replaceAll("\\s+", " ").strip();
  }

  private static List<Path> formFiles() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      return forms.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  /** Where the form's validate block and the Java constraints of the same fields disagree. */
  static List<String> differences(JsonNode form, Class<?>... records) {
    Map<String, JsonNode> fields = fields(form);
    List<String> differences = new ArrayList<>();
    for (Class<?> type : records) {
      for (RecordComponent component : type.getRecordComponents()) {
        JsonNode field = fields.get(component.getName());
        if (field == null) {
          continue;
        }
        JsonNode validate = field.path("validate");
        String name = component.getName();
        Text text = annotation(type, name, Text.class);
        if (text != null) {
          compare(differences, name, "required", validate.path("required").asBoolean(false), text.required());
          compare(differences, name, "minLength", validate.path("minLength").asInt(0), text.min());
          compare(differences, name, "maxLength", validate.path("maxLength").asInt(Integer.MAX_VALUE), text.max());
          if (!text.pattern().isEmpty()) {
            // form-js tests a pattern anywhere in the value, Java the whole value: the form anchors it
            String pattern = validate.path("pattern").asText("");
            compare(differences, name, "pattern", pattern.isEmpty() ? null : pattern, "^" + text.pattern() + "$");
          }
        }
        DecimalMin min = annotation(type, name, DecimalMin.class);
        DecimalMax max = annotation(type, name, DecimalMax.class);
        if (min != null || max != null) {
          compare(differences, name, "min", decimal(validate.path("min")), min == null ? null : new BigDecimal(min.value()));
          compare(differences, name, "max", decimal(validate.path("max")), max == null ? null : new BigDecimal(max.value()));
        }
      }
    }
    return differences;
  }

  private static void compare(List<String> differences, String field, String limit, Object inForm, Object inJava) {
    boolean same = inForm instanceof BigDecimal a && inJava instanceof BigDecimal b ? a.compareTo(b) == 0
        : java.util.Objects.equals(inForm, inJava);
    if (!same) {
      differences.add(field + ": " + limit + " " + shown(inForm) + " in the form, " + shown(inJava) + " in Java");
    }
  }

  private static String shown(Object value) {
    return value == null ? "none" : value instanceof BigDecimal d ? d.toPlainString()
        : Integer.valueOf(Integer.MAX_VALUE).equals(value) ? "none" : String.valueOf(value);
  }

  private static BigDecimal decimal(JsonNode value) {
    return value.isNumber() ? value.decimalValue() : null;
  }

  private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> type, String field, Class<A> kind) {
    try {
      return type.getDeclaredField(field).getAnnotation(kind);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every component of a form with a key, groups included. */
  static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component);
      }
    }
  }
}
