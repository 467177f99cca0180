package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.stereotype.Component;

/**
 * What a process owner can break in Modeler and Tasklist would only show at run time: a user task
 * without a form, a formRef with no form file, an element the diagram cannot draw, a process
 * without history time to live, a delegate expression with no bean.
 */
class ProcessModelTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyBpmnIsComplete() throws IOException {
    return bpmnFiles().flatMap(file -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String name = file.getFileName().toString();
      return Stream.of(
          DynamicTest.dynamicTest(name + ": every user task and start form has a deployed Camunda Form",
              () -> assertThat(formProblems(model)).isEmpty()),
          DynamicTest.dynamicTest(name + ": every element has diagram information",
              () -> assertThat(elementsWithoutDiagram(model)).isEmpty()),
          DynamicTest.dynamicTest(name + ": every executable process has a history time to live",
              () -> assertThat(model.getModelElementsByType(Process.class)).allSatisfy(p ->
                  assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId()).isNotBlank())),
          DynamicTest.dynamicTest(name + ": every delegate expression names a Redress bean",
              () -> assertThat(unknownDelegates(file)).isEmpty()));
    });
  }

  @Test
  void everyFormIdEqualsItsFileName() throws IOException {
    try (Stream<Path> forms = Files.list(FORMS)) {
      List<Path> all = forms.filter(p -> p.toString().endsWith(".form")).toList();
      assertThat(all).isNotEmpty();
      for (Path form : all) {
        JsonNode json = JSON.readTree(form.toFile());
        assertThat(json.path("id").asText()).as(form.toString())
            .isEqualTo(form.getFileName().toString().replace(".form", ""));
        assertThat(json.path("components").isArray()).as(form + " has components").isTrue();
      }
    }
  }

  /**
   * Camunda Modeler's problems panel does not read processes/.bpmnlintrc: a rule turned off there
   * hides from the build what a process owner still sees. So the config extends what Modeler checks a
   * Camunda 7.24 diagram with and turns nothing off (tools/model-check refuses it too, in verify).
   */
  @Test
  void theLintConfigIsModelersAndTurnsNoRuleOff() throws IOException {
    JsonNode config = JSON.readTree(PROCESSES.resolve(".bpmnlintrc").toFile());
    List<String> extended = new ArrayList<>();
    config.path("extends").forEach(e -> extended.add(e.asText()));
    if (config.path("extends").isTextual()) {
      extended.add(config.path("extends").asText());
    }
    assertThat(extended).contains("bpmnlint:recommended", "plugin:camunda-compat/camunda-platform-7-24");
    assertThat(rulesTurnedOff(config)).as("rules turned off in processes/.bpmnlintrc").isEmpty();
  }

  static List<String> rulesTurnedOff(JsonNode lintConfig) {
    List<String> off = new ArrayList<>();
    lintConfig.path("rules").fields().forEachRemaining(rule -> {
      JsonNode level = rule.getValue().isArray() ? rule.getValue().path(0) : rule.getValue();
      if ("off".equals(level.asText()) || (level.isNumber() && level.asInt() == 0)) {
        off.add(rule.getKey());
      }
    });
    return off;
  }

  @Test
  void theChecksThemselvesCatchABrokenModel() throws IOException {
    BpmnModelInstance broken = Bpmn.createExecutableProcess("broken").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_NoForm").userTask("Task_MissingForm").camundaFormRef("no-such-form")
        .endEvent().done();
    broken.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement().getId().equals("Task_NoForm"))
        .toList().forEach(s -> s.getParentElement().removeChildElement(s));

    assertThat(formProblems(broken)).anyMatch(p -> p.contains("Task_NoForm") && p.contains("no camunda:formRef"))
        .anyMatch(p -> p.contains("Task_MissingForm") && p.contains("no-such-form"));
    assertThat(elementsWithoutDiagram(broken)).contains("Task_NoForm");
    assertThat(rulesTurnedOff(JSON.readTree(Path.of("src/test/resources/broken/model-check/rule-off.bpmnlintrc").toFile())))
        .containsExactly("no-gateway-join-fork", "fake-join");
  }

  static Stream<Path> bpmnFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(PROCESSES)) {
      files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream();
  }

  static List<String> formProblems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkFormRef(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), problems);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean inProcess = start.getParentElement() instanceof Process;
      if (inProcess && start.getCamundaFormRef() != null) {
        checkFormRef(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), problems);
      }
    }
    return problems;
  }

  private static void checkFormRef(String element, String formRef, String binding, List<String> problems) {
    if (formRef == null) {
      problems.add(element + ": no camunda:formRef");
      return;
    }
    if (!"deployment".equals(binding)) {
      problems.add(element + ": camunda:formRefBinding must be \"deployment\" (is " + binding + ")");
    }
    File form = FORMS.resolve(formRef + ".form").toFile();
    if (!form.isFile()) {
      problems.add(element + ": formRef \"" + formRef + "\" has no file forms/" + formRef + ".form");
      return;
    }
    try {
      String id = JSON.readTree(form).path("id").asText();
      if (!formRef.equals(id)) {
        problems.add(element + ": forms/" + formRef + ".form has id \"" + id + "\"");
      }
    } catch (IOException e) {
      problems.add(element + ": forms/" + formRef + ".form is not valid JSON: " + e.getMessage());
    }
  }

  static List<String> elementsWithoutDiagram(BpmnModelInstance model) {
    Set<String> drawn = new java.util.HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(((BaseElement) e.getBpmnElement()).getId()));
    Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
    return elements.stream().map(FlowElement::getId).filter(id -> !drawn.contains(id)).sorted().toList();
  }

  static List<String> unknownDelegates(Path file) throws IOException {
    Set<String> beans = redressBeanNames();
    Matcher m = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(Files.readString(file));
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      if (!beans.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }

  /**
   * Names of @Component beans and of settings records named for processes (@ProcessExpressionName)
   * under src/main/java, read from the sources.
   */
  static Set<String> redressBeanNames() throws IOException {
    Pattern named = Pattern.compile("@(?:Component|ProcessExpressionName)\\(\"(\\w+)\"\\)");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      return sources.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
        try {
          Matcher m = named.matcher(Files.readString(p));
          List<String> names = new ArrayList<>();
          while (m.find()) {
            names.add(m.group(1));
          }
          return names.stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toSet());
    }
  }

  @SuppressWarnings("unused")
  private static final Class<?>[] KEEP = {Component.class, SequenceFlow.class, SubProcess.class};
}
