package org.redress.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * The "Send letter" tasks are copies (Camunda 7 element templates cannot bind task listeners, so no
 * template can fix them): each must call ${sendLetter} on create and complete, use the send-letter
 * form and name a letter that exists — and every letter the process sends has its task.
 */
class SendLetterTasksTest {

  @Test
  void everySendLetterTask_isWiredTheSameWay_andEveryLetterHasOne() {
    List<UserTask> letters = new java.util.ArrayList<>();
    for (String process : List.of("processes/complaint-handling.bpmn", "processes/ask-the-complainant.bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File(process));
      letters.addAll(model.getModelElementsByType(UserTask.class).stream()
          .filter(task -> "send-letter".equals(task.getCamundaFormRef())).toList());
    }

    assertThat(letters).allSatisfy(task -> {
      assertThat(task.getName()).isEqualTo("Send letter");
      assertThat(task.getId()).matches("Task_Send\\w+Letter");
      List<CamundaTaskListener> listeners = task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaTaskListener.class).list();
      assertThat(listeners).extracting(CamundaTaskListener::getCamundaEvent).containsExactlyInAnyOrder("create", "complete");
      assertThat(listeners).extracting(CamundaTaskListener::getCamundaDelegateExpression).containsOnly("${sendLetter}");
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(
          org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
          .getCamundaInputParameters()).extracting(CamundaInputParameter::getCamundaName).containsExactly("letter");
    });
    assertThat(letters.stream().map(task -> task.getExtensionElements().getElementsQuery().filterByType(
            org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters().iterator().next().getTextContent().strip()))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(ComplainantMessage.values())
            // a new access code goes only to the e-mail address on file (access-code-recovery), never by post
            .filter(message -> message != ComplainantMessage.NEW_ACCESS_CODE).map(Enum::name).toList());
  }
}
