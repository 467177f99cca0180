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
          {"key": "amountAtStake", "type": "number", "validate": {"min": 0}}
        ]}""");

    assertThat(differences(form, ComplaintForm.class)).containsExactlyInAnyOrder(
        "complainantName: maxLength 100 in the form, 200 in Java",
        "description: required false in the form, true in Java",
        "description: minLength 0 in the form, 10 in Java",
        "amountAtStake: max none in the form, 999999999999.99 in Java");
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
