package org.redress.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the Camunda Form a person filled in says each field may hold — minLength and maxLength of its
 * {@code validate} block — read from the form deployed with the process (so a process owner's change in
 * Modeler is the server's rule too) and kept per process definition. The form is the one source of these
 * limits; {@link SubmittedForm} checks them again on the server, since Tasklist checks only in the browser.
 */
final class FormLimits {

  /** The limits of one field; a text field without maxLength holds what a process variable holds. */
  record Field(int minLength, int maxLength) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, Field>> BY_FORM = new ConcurrentHashMap<>();

  private final String form;
  private final Map<String, Field> fields;

  private FormLimits(String form, Map<String, Field> fields) {
    this.form = form;
    this.fields = fields;
  }

  /** The form of the task being completed. */
  static FormLimits of(DelegateTask task) {
    String key = engine(task.getProcessEngineServices()) + task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    return new FormLimits(key, BY_FORM.computeIfAbsent(key, k -> read(
        () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()))));
  }

  /** The start form of the execution's process. */
  static FormLimits ofStartForm(DelegateExecution execution) {
    String key = engine(execution.getProcessEngineServices()) + execution.getProcessDefinitionId() + "#start";
    return new FormLimits(key, BY_FORM.computeIfAbsent(key, k -> read(
        () -> execution.getProcessEngineServices().getFormService().getDeployedStartForm(execution.getProcessDefinitionId()))));
  }

  /** Ids are unique within one engine's database only (tests run several engines in one JVM). */
  private static String engine(Object services) {
    return System.identityHashCode(services) + "/";
  }

  Field field(String key) {
    Field field = fields.get(key);
    if (field == null) {
      throw new IllegalStateException("The form of " + form + " has no field " + key);
    }
    return field;
  }

  /** Reads the form as the engine (not the person) — a person may complete a task without reading its form. */
  private static Map<String, Field> read(Supplier<InputStream> deployedForm) {
    CommandContext command = Context.getCommandContext();
    boolean checking = command != null && command.isAuthorizationCheckEnabled();
    if (checking) {
      command.disableAuthorizationCheck();
    }
    try (InputStream in = deployedForm.get()) {
      Map<String, Field> fields = new HashMap<>();
      collect(JSON.readTree(in).path("components"), fields);
      return Map.copyOf(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (checking) {
        command.enableAuthorizationCheck();
      }
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      if (component.hasNonNull("key")) {
        JsonNode validate = component.path("validate");
        fields.put(component.get("key").asText(), new Field(validate.path("minLength").asInt(0),
            Math.min(validate.path("maxLength").asInt(SubmittedForm.MAX_TEXT), SubmittedForm.MAX_TEXT)));
      }
    }
  }
}
