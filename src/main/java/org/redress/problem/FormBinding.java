package org.redress.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The one way Redress reads and checks what people submit: values are bound to a form record — a
 * request body, form parameters, query parameters or process variables — by Jackson, and the record
 * is checked with Bean Validation. Every refused field comes back at once, in the order of the form:
 * fields the form does not have, values of the wrong kind, then the record's constraints.
 */
@Component
public class FormBinding {

  /** The bound form (null when it could not be read at all) and every refused field; valid when none. */
  public record Bound<T>(T form, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }

    /** The form, or {@link SubmissionRefused} with every refused field. */
    public T orRefuse() {
      if (!valid()) {
        throw new SubmissionRefused(errors);
      }
      return form;
    }
  }

  private final ObjectMapper json;
  private final Validator validator;

  FormBinding(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /** Form parameters or a JSON object already parsed: every key must be a field of the form. */
  public <T> Bound<T> bind(Map<String, ?> values, Class<T> form) {
    return bind(json.valueToTree(values), form, false);
  }

  /** Process variables and the like: only the form's own fields are read, other keys are not its business. */
  public <T> Bound<T> bindOwnFields(Map<String, ?> values, Class<T> form) {
    Map<String, Object> own = new LinkedHashMap<>();
    for (RecordComponent component : form.getRecordComponents()) {
      if (values.containsKey(component.getName())) {
        own.put(component.getName(), values.get(component.getName()));
      }
    }
    return bind(json.valueToTree(own), form, true);
  }

  /** A JSON object already parsed (e.g. a part of a multipart request). */
  public <T> Bound<T> bind(JsonNode values, Class<T> form) {
    return bind(values, form, false);
  }

  private <T> Bound<T> bind(JsonNode values, Class<T> form, boolean ignoreUnknown) {
    if (!values.isObject()) {
      return new Bound<>(null, List.of(new FieldError("body", "must be a JSON object")));
    }
    FieldErrorSink sink = new FieldErrorSink(ignoreUnknown);
    T bound;
    try {
      bound = json.readerFor(form).withAttribute(FieldErrorSink.KEY, sink).readValue(values);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a JSON object could not be bound to " + form.getSimpleName(), e);
    }
    return new Bound<>(bound, check(bound, sink));
  }

  /** The errors of a form Jackson has read: what the reader noted, then the constraints of the other fields. */
  List<FieldError> check(Object form, FieldErrorSink sink) {
    List<FieldError> errors = new ArrayList<>(sink.unknown.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    List<FieldError> fields = new ArrayList<>(sink.wrongType);
    Set<String> wrong = sink.wrongType.stream().map(FieldError::field).collect(Collectors.toSet());
    for (ConstraintViolation<Object> violation : validator.validate(form)) {
      String field = violation.getPropertyPath().toString();
      if (!wrong.contains(field)) {
        fields.add(new FieldError(field, violation.getMessage()));
      }
    }
    errors.addAll(inFormOrder(form.getClass(), fields));
    return errors;
  }

  /** The refused fields of a request body checked by Spring's {@code @Valid}, in the order of the form. */
  static List<FieldError> errors(BindingResult result) {
    List<FieldError> fields = new ArrayList<>();
    result.getFieldErrors().forEach(e -> fields.add(new FieldError(e.getField(), e.getDefaultMessage())));
    result.getGlobalErrors().forEach(e -> fields.add(new FieldError("body", e.getDefaultMessage())));
    return result.getTarget() == null ? fields : inFormOrder(result.getTarget().getClass(), fields);
  }

  private static List<FieldError> inFormOrder(Class<?> form, List<FieldError> errors) {
    List<String> order = form.isRecord()
        ? Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
    return errors.stream().sorted(Comparator.<FieldError>comparingInt(e -> {
      int at = order.indexOf(e.field());
      return at < 0 ? order.size() : at;
    }).thenComparing(FieldError::reason)).toList();
  }
}
