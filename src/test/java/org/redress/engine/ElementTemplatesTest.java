package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * Process owners build with Redress's element templates (processes/.camunda/element-templates, which
 * Camunda Modeler loads for diagrams in processes/) instead of typing bean expressions. This keeps
 * the templates, the BPMN and the Spring beans in step.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  /** ISO 8601 repeating interval (R5/PT5M) or Camunda's list of delays (PT1M,PT5M,PT10M). */
  static final Pattern RETRY_CYCLE = Pattern.compile(
      "R\\d+/" + duration() + "|" + duration() + "(," + duration() + ")*");

  private static String duration() {
    return "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?";
  }

  record Template(String id, int version, String delegateExpression, String file) {}

  @Test
  void everyServiceTaskUsesTheTemplateOfItsDelegate() throws IOException {
    Map<String, Template> templates = templates(TEMPLATES);
    ProcessModelTest.bpmnFiles().forEach(file -> assertThat(
        problems(Bpmn.readModelFromFile(file.toFile()), templates)).as(file.toString()).isEmpty());
  }

  /** "Ask the complainant" is a call-activity template: every call of ask-the-complainant uses it and passes what it fixes. */
  @Test
  void everyCallOfAskTheComplainant_usesItsTemplate_withTheTemplatesMappings() throws IOException {
    JsonNode template = new ObjectMapper().readTree(TEMPLATES.resolve("ask-the-complainant.json").toFile());
    List<String> calls = new ArrayList<>();
    ProcessModelTest.bpmnFiles().forEach(file -> {
      for (CallActivity call : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(CallActivity.class)) {
        if (!"ask-the-complainant".equals(call.getCalledElement())) {
          continue;
        }
        calls.add(call.getId());
        assertThat(call.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate")).as(call.getId()).isEqualTo(template.path("id").asText());
        assertThat(call.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion")).as(call.getId())
            .isEqualTo(template.path("version").asText());
        List<String> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
            .map(in -> in.getCamundaBusinessKey() != null ? "businessKey" : in.getCamundaTarget()).toList();
        List<String> expected = new ArrayList<>();
        template.path("properties").forEach(p -> {
          String type = p.path("binding").path("type").asText();
          if ("camunda:in".equals(type)) {
            expected.add(p.path("binding").path("target").asText());
          } else if ("camunda:in:businessKey".equals(type)) {
            expected.add("businessKey");
          }
        });
        assertThat(ins).as(call.getId() + " passes").containsExactlyInAnyOrderElementsOf(expected);
      }
    });
    assertThat(calls).containsExactlyInAnyOrder("CallActivity_AskAfterReview", "CallActivity_AskDuringInvestigation");
  }

  @Test
  void everyTemplateIsForAnExistingBean_labelledAndDescribed() throws IOException {
    Map<String, Template> templates = templates(TEMPLATES);
    assertThat(templates).isNotEmpty();
    Set<String> beans = ProcessModelTest.redressBeanNames();
    for (Template t : templates.values()) {
      assertThat(t.delegateExpression()).as(t.file() + " fixes camunda:delegateExpression").matches("\\$\\{\\w+}");
      String bean = t.delegateExpression().substring(2, t.delegateExpression().length() - 1);
      assertThat(beans).as(t.file() + ": bean " + bean).contains(bean);
      assertThat(t.id()).as(t.file()).isEqualTo("org.redress." + Character.toUpperCase(bean.charAt(0)) + bean.substring(1));
    }
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.toList()) {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("$schema").asText()).as(file + " $schema").isEqualTo(SCHEMA);
        assertThat(json.path("name").asText()).as(file + " name").isNotBlank();
        assertThat(json.path("description").asText()).as(file + " description").isNotBlank();
        json.path("properties").forEach(p -> assertThat(p.path("label").asText() + p.path("description").asText())
            .as(file + " property labels").isNotBlank());
      }
    }
  }

  @Test
  void theCheckRejectsATaskWithoutTemplate_aWrongTemplate_andABadRetryCycle() throws IOException {
    BpmnModelInstance broken = Bpmn.readModelFromFile(Path.of("src/test/resources/broken/element-templates.bpmn").toFile());

    assertThat(problems(broken, templates(TEMPLATES))).containsExactlyInAnyOrder(
        "Task_NoTemplate: ${assessComplaint} has no camunda:modelerTemplate; apply the template org.redress.AssessComplaint",
        "Task_UnknownTemplate: camunda:modelerTemplate org.redress.SendLetter is not in processes/.camunda/element-templates",
        "Task_WrongDelegate: template org.redress.CloseComplaint fixes ${closeComplaint}, the task calls ${acknowledgeComplaint}",
        "Task_OldVersion: template org.redress.RemindHandler is version 1, the task says 7",
        "Task_BadRetryCycle: camunda:failedJobRetryTimeCycle \"5 times every 5 minutes\" is not an ISO 8601 repeating interval such as R5/PT5M",
        "Task_NoRetryCycle: asynchronous but no camunda:failedJobRetryTimeCycle (the default is 3 retries without delay)");
  }

  static List<String> problems(BpmnModelInstance model, Map<String, Template> templates) {
    List<String> problems = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String expression = task.getCamundaDelegateExpression();
      String id = task.getId();
      if (expression != null) {
        String templateId = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
        String version = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion");
        Template template = templateId == null ? null : templates.get(templateId);
        if (templateId == null) {
          String suggestion = templates.values().stream().filter(t -> t.delegateExpression().equals(expression))
              .map(Template::id).findFirst().orElse("(none exists: add one)");
          problems.add(id + ": " + expression + " has no camunda:modelerTemplate; apply the template " + suggestion);
        } else if (template == null) {
          problems.add(id + ": camunda:modelerTemplate " + templateId + " is not in " + TEMPLATES);
        } else {
          if (!template.delegateExpression().equals(expression)) {
            problems.add(id + ": template " + templateId + " fixes " + template.delegateExpression()
                + ", the task calls " + expression);
          }
          if (!String.valueOf(template.version()).equals(version)) {
            problems.add(id + ": template " + templateId + " is version " + template.version() + ", the task says " + version);
          }
        }
      }
      if (task.isCamundaAsyncBefore() || task.isCamundaAsyncAfter()) {
        CamundaFailedJobRetryTimeCycle cycle = task.getExtensionElements() == null ? null
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                .list().stream().findFirst().orElse(null);
        if (cycle == null) {
          problems.add(id + ": asynchronous but no camunda:failedJobRetryTimeCycle (the default is 3 retries without delay)");
        } else if (!RETRY_CYCLE.matcher(cycle.getTextContent().strip()).matches()) {
          problems.add(id + ": camunda:failedJobRetryTimeCycle \"" + cycle.getTextContent().strip()
              + "\" is not an ISO 8601 repeating interval such as R5/PT5M");
        }
      }
    }
    return problems;
  }

  static Map<String, Template> templates(Path dir) throws IOException {
    Map<String, Template> templates = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode t : root.isArray() ? root : List.of(root)) {
          String delegate = null;
          for (JsonNode p : t.path("properties")) {
            if ("camunda:delegateExpression".equals(p.path("binding").path("name").asText())
                && "Hidden".equals(p.path("type").asText())) {
              delegate = p.path("value").asText();
            }
          }
          if (delegate != null) { // call-activity templates (Ask the complainant) are checked on their own
            templates.put(t.path("id").asText(), new Template(t.path("id").asText(), t.path("version").asInt(), delegate,
                file.getFileName().toString()));
          }
        }
      }
    }
    return templates;
  }
}
