package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.ComplaintDriver.phoneComplaint;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A refusal of a form reads as a sentence: the field's label and the reason, no ids, no variable keys. */
@RedressTest
class RefusalSentencesTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired RefusalSentences sentences;

  @Test
  void theEnginesMessage_becomesLabelAndReason() {
    assertThat(sentences.sentence("Cannot submit task form 949bd8ca-1d2e-11f1-a018-02fc00000001: "
        + "overrideReason: give a reason for changing the assessment"))
        .isEqualTo("Reason for the change: give a reason for changing the assessment");
    assertThat(sentences.sentence("Cannot instantiate process definition complaint-handling:1:5f6a2b1c-ebf9-11f1-a295-02fc00000001: "
        + "complainantEmail: is required when the preferred contact channel is email; preferredChannel: must be one of email, letter"))
        .isEqualTo("E-mail: is required when the preferred contact channel is email; "
            + "Preferred way to contact them: must be one of email, letter");
    // a date field has a dateLabel, not a label
    assertThat(sentences.sentence("Cannot instantiate process definition complaint-handling:1:5f6a2b1c-ebf9-11f1-a295-02fc00000001: "
        + "problemDate: cannot be in the future")).isEqualTo("When did the problem happen?: cannot be in the future");
    assertThat(sentences.sentence("Cannot submit task form 949bd8ca-1d2e-11f1-a018-02fc00000001: actionDueDay: must not be in the past"))
        .isEqualTo("Due date: must not be in the past");
    assertThat(sentences.sentence("\"Approve response\" is for supervisors, and handler2 is not one of them."))
        .isEqualTo("\"Approve response\" is for supervisors, and handler2 is not one of them.");
  }

  @Test
  void aRefusedTaskForm_overRest_answersTheSentence() {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    String task = driver.task(complaint, "Task_ReviewAssessment").getId();
    StaffHttp http = new StaffHttp(port);
    http.postJson("handler", "/engine-rest/task/" + task + "/claim", java.util.Map.of("userId", "handler"));

    StaffHttp.Response answer = http.send("handler", "POST", "/engine-rest/task/" + task + "/submit-form", "application/json",
        ("{\"variables\": {\"severity\": {\"value\": \"enormous\"}, \"responseTarget\": {\"value\": \"P15D\"},"
            + " \"category\": {\"value\": \"other\"}}}").getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(400);
    String message = answer.json().get("message").asText();
    assertThat(message).startsWith("Severity: ").doesNotContain(task).doesNotContain("severity:");
  }
}
