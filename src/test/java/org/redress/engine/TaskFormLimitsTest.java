package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task form is the one source of its text limits: what a process owner sets in Modeler as minimum
 * and maximum length is what the server holds a submission to, from the next deployment on — no number
 * in Java. Shown on a probe process of its own, so the shared engine's complaint processes are untouched.
 */
@RedressTest
class TaskFormLimitsTest {

  @Autowired ProcessEngine engine;
  final List<String> deployments = new ArrayList<>();

  /** The probe task's listener: reads the note as every Redress task listener reads a text. */
  public static class ReadsNote implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      new SubmittedForm(task).requiredText("note");
    }
  }

  @AfterEach
  void removeProbe() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void theServerHoldsASubmissionToTheLimitsOfTheFormItWasMadeIn_andFollowsAChangedForm() {
    deployProbe(7, 12);
    String first = openTask();
    assertThatThrownBy(() -> submit(first, "short")).isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("note: must be at least 7 characters");
    assertThatThrownBy(() -> submit(first, "far too long a note")).isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("note: must be at most 12 characters");
    submit(first, "  just right  ");

    deployProbe(3, 5); // the process owner shortens the field in Modeler and deploys
    String second = openTask();
    assertThatThrownBy(() -> submit(second, "just right")).isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("note: must be at most 5 characters");
    submit(second, "fine");
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("form-limits-probe").count()).isZero();
  }

  void deployProbe(int minLength, int maxLength) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="https://redress.org/test">
          <bpmn:process id="form-limits-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Probe"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Probe" targetRef="Task_WriteNote" />
            <bpmn:userTask id="Task_WriteNote" camunda:formRef="probe-note" camunda:formRefBinding="deployment">
              <bpmn:extensionElements>
                <camunda:taskListener class="%s" event="complete" />
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_WriteNote" targetRef="EndEvent_Probe" />
            <bpmn:endEvent id="EndEvent_Probe"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>""".formatted(ReadsNote.class.getName());
    String form = """
        {"id": "probe-note", "type": "default", "schemaVersion": 16, "components": [
          {"key": "note", "type": "textfield", "label": "Note", "validate": {"minLength": %d, "maxLength": %d}}]}"""
        .formatted(minLength, maxLength);
    deployments.add(engine.getRepositoryService().createDeployment().name("form-limits-probe")
        .addString("form-limits-probe.bpmn", bpmn).addString("probe-note.form", form).deploy().getId());
  }

  String openTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("form-limits-probe").getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    return task.getId();
  }

  void submit(String taskId, String note) {
    engine.getFormService().submitTaskForm(taskId, Map.of("note", note));
  }
}
