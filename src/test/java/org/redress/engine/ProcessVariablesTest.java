package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * "BPMN owns the flow; gateways read process variables that a task or delegate set." A process
 * owner who adds a condition in Modeler on a variable nothing sets would only find out when a
 * complaint gets stuck. This static check reads every {@code ${...}} a gateway condition, a timer,
 * or a user task's due date / priority / candidate groups uses, and requires each identifier to be
 * written on at least one path <em>before</em> that element, by
 * <ul>
 *   <li>a form: a field key of the start form or of an upstream user task's form, or</li>
 *   <li>a delegate or listener of an upstream element: its class (the Spring bean of the
 *       delegate expression) calls {@code setVariable(CONSTANT, …)} with a constant of
 *       {@code complaint.ComplaintVariables}.</li>
 * </ul>
 * It is an approximation, on purpose simple: it reads sources, not byte code; "upstream" follows
 * sequence flows backwards (into sub-processes, from boundary events to their activity, from a
 * sub-process start to the sub-process); "on at least one path", not on every path; method calls
 * and properties ({@code a.b}, {@code f()}) are ignored.
 */
class ProcessVariablesTest {

  static final Path COMPLAINT_VARIABLES = Path.of("src/main/java/org/redress/complaint/ComplaintVariables.java");
  static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt",
      "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");

  @Test
  void everyVariableAGatewayOrTimerReadsIsWrittenBeforeIt() throws IOException {
    ProcessModelTest.bpmnFiles().forEach(file -> {
      try {
        assertThat(problems(Bpmn.readModelFromFile(file.toFile()))).as(file.toString()).isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void theCheckRejectsAVariableNothingWrites_andOneReadBeforeItIsWritten() throws IOException {
    BpmnModelInstance broken = Bpmn.readModelFromFile(Path.of("src/test/resources/broken/unwritten-variable.bpmn").toFile());

    assertThat(problems(broken)).containsExactlyInAnyOrder(
        "Flow_Refund (condition after Gateway_TooEarly): reads \"refundApproved\", which nothing writes "
            + "(no form field key, no setVariable of a ComplaintVariables constant in a delegate or listener)",
        "Flow_Serious (condition after Gateway_TooEarly): reads \"severity\" before it is written "
            + "(written only by Task_AssessComplaint)");
  }

  /** Reads → problems, one line per unmet read. */
  static List<String> problems(BpmnModelInstance model) throws IOException {
    Map<String, Set<String>> writtenBy = new HashMap<>(); // element id → variables it writes
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      writtenBy.put(node.getId(), new HashSet<>(writes(node)));
    }
    // a called process (ask-the-complainant) starts with what its callers pass in (camunda:in)
    Set<String> passedIn = passedIn(model);
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
        writtenBy.get(start.getId()).addAll(passedIn);
      }
    }
    List<String> problems = new ArrayList<>();
    Set<String> beans = ProcessModelTest.redressBeanNames();
    for (Read read : reads(model)) {
      Set<String> upstream = upstream(read.element());
      for (String variable : read.variables()) {
        if (beans.contains(variable)) {
          continue; // a Redress Spring bean such as ${retentionSettings.cycle}, not a process variable
        }
        Set<String> writers = new TreeSet<>();
        writtenBy.forEach((id, vars) -> {
          if (vars.contains(variable)) {
            writers.add(id);
          }
        });
        if (writers.isEmpty()) {
          problems.add(read.where() + ": reads \"" + variable + "\", which nothing writes (no form field key, "
              + "no setVariable of a ComplaintVariables constant in a delegate or listener)");
        } else if (writers.stream().noneMatch(upstream::contains)) {
          problems.add(read.where() + ": reads \"" + variable + "\" before it is written (written only by "
              + String.join(", ", writers) + ")");
        }
      }
    }
    return problems;
  }

  /** The variables every call activity calling this model's process passes in, over processes/. */
  static Set<String> passedIn(BpmnModelInstance model) throws IOException {
    Set<String> processIds = new HashSet<>();
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(p -> processIds.add(p.getId()));
    Set<String> passed = new HashSet<>();
    for (Path file : ProcessModelTest.bpmnFiles().toList()) {
      for (org.camunda.bpm.model.bpmn.instance.CallActivity call : Bpmn.readModelFromFile(file.toFile())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
        if (processIds.contains(call.getCalledElement()) && call.getExtensionElements() != null) {
          call.getExtensionElements().getElementsQuery()
              .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class).list().stream()
              .filter(in -> in.getCamundaTarget() != null).forEach(in -> passed.add(in.getCamundaTarget()));
        }
      }
    }
    return passed;
  }

  record Read(String where, FlowNode element, Set<String> variables) {}

  static List<Read> reads(BpmnModelInstance model) {
    List<Read> reads = new ArrayList<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null) {
        reads.add(new Read(flow.getId() + " (condition after " + flow.getSource().getId() + ")", flow.getSource(),
            identifiers(flow.getConditionExpression().getTextContent())));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      FlowNode event = (FlowNode) timer.getParentElement();
      for (var expression : Stream.of(timer.getTimeDate(), timer.getTimeCycle(), timer.getTimeDuration())
          .filter(java.util.Objects::nonNull).toList()) {
        reads.add(new Read(event.getId() + " (timer)", event, identifiers(expression.getTextContent())));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String attributes = String.join(" ", Stream.of(task.getCamundaDueDate(), task.getCamundaPriority(),
          task.getCamundaCandidateGroups(), task.getCamundaAssignee(), task.getCamundaFollowUpDate())
          .filter(java.util.Objects::nonNull).toList());
      reads.add(new Read(task.getId() + " (due date, priority, candidate groups)", task, identifiers(attributes)));
    }
    reads.removeIf(r -> r.variables().isEmpty());
    return reads;
  }

  /** Top-level identifiers inside ${...} / #{...}, without string literals, properties and calls. */
  static Set<String> identifiers(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher expression = Pattern.compile("[$#]\\{([^}]*)}").matcher(text == null ? "" : text);
    while (expression.find()) {
      String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", " ");
      Matcher id = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\s*\\()").matcher(body);
      while (id.find()) {
        if (!EL_WORDS.contains(id.group(1))) {
          names.add(id.group(1));
        }
      }
    }
    return names;
  }

  /** Elements that run before {@code node} on some path. */
  static Set<String> upstream(FlowNode node) {
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> todo = new ArrayDeque<>(predecessors(node));
    while (!todo.isEmpty()) {
      FlowNode n = todo.pop();
      if (seen.add(n.getId())) {
        todo.addAll(predecessors(n));
        if (n instanceof SubProcess sub) {
          // everything inside a sub-process that the flow has left ran before
          sub.getChildElementsByType(FlowNode.class).forEach(todo::push);
        }
      }
    }
    return seen;
  }

  static Collection<FlowNode> predecessors(FlowNode node) {
    List<FlowNode> result = new ArrayList<>();
    node.getIncoming().forEach(flow -> result.add(flow.getSource()));
    if (node instanceof BoundaryEvent boundary) {
      result.add(boundary.getAttachedTo());
    }
    ModelElementInstance parent = node.getParentElement();
    if (node.getIncoming().isEmpty() && parent instanceof SubProcess sub) {
      result.add(sub); // a start event (or an event sub-process) runs once its scope has started
    }
    if (node instanceof SubProcess sub && sub.triggeredByEvent() && parent instanceof SubProcess scope) {
      result.add(scope);
    }
    return result;
  }

  /** Variables an element writes: its form's field keys, and what its delegate / listeners set. */
  static Set<String> writes(FlowNode node) {
    Set<String> vars = new HashSet<>();
    String formRef = node instanceof UserTask t ? t.getCamundaFormRef()
        : node instanceof StartEvent s ? s.getCamundaFormRef() : null;
    if (formRef != null) {
      vars.addAll(formKeys(formRef));
    }
    List<String> expressions = new ArrayList<>();
    if (node instanceof ServiceTask service && service.getCamundaDelegateExpression() != null) {
      expressions.add(service.getCamundaDelegateExpression());
    }
    if (node.getExtensionElements() != null) {
      node.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
          .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
      node.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
          .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
    }
    for (String expression : expressions) {
      if (expression != null) {
        vars.addAll(setByBean(expression.replaceAll("[$#{}\\s]", "")));
      }
    }
    return vars;
  }

  static Set<String> formKeys(String formRef) {
    Path form = ProcessModelTest.FORMS.resolve(formRef + ".form");
    Set<String> keys = new HashSet<>();
    if (!Files.isRegularFile(form)) {
      return keys;
    }
    try {
      collectKeys(new ObjectMapper().readTree(form.toFile()).path("components"), keys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private static Map<String, Set<String>> beanWrites;

  /** Variable names the bean's class sets with setVariable(CONSTANT, …). */
  static synchronized Set<String> setByBean(String bean) {
    if (beanWrites == null) {
      beanWrites = new HashMap<>();
      Map<String, String> constants = new HashMap<>();
      try {
        Matcher c = Pattern.compile("public static final String (\\w+) = \"(\\w+)\"")
            .matcher(Files.readString(COMPLAINT_VARIABLES));
        while (c.find()) {
          constants.put(c.group(1), c.group(2));
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
          for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            String code = Files.readString(source);
            Matcher named = Pattern.compile("@Component\\(\"(\\w+)\"\\)").matcher(code);
            if (named.find()) {
              Set<String> set = new HashSet<>();
              Matcher call = Pattern.compile("\\.setVariable\\(\\s*(\\w+)\\s*,").matcher(code);
              while (call.find()) {
                if (constants.containsKey(call.group(1))) {
                  set.add(constants.get(call.group(1)));
                }
              }
              beanWrites.put(named.group(1), set);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return beanWrites.getOrDefault(bean, Set.of());
  }

  @SuppressWarnings("unused")
  private static final Class<?>[] KEEP = {FlowElement.class};
}
