package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.ComplaintDriver.phoneComplaint;
import static org.redress.ComplaintDriver.with;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A person's mistake is not an operator's alarm: refused form values and refused actions are logged as
 * one INFO line without a stack trace, while any other failure of a command stays an ERROR.
 */
@RedressTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest {

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  @Test
  void refusedFormValuesAndActions_areLoggedAtInfo_withoutAnErrorOrAStackTrace(CapturedOutput output) {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    // a refused start form
    assertThatThrownBy(() -> driver.register("handler", with(phoneComplaint(), "preferredChannel", "pigeon")))
        .isInstanceOf(InvalidSubmissionException.class);
    // a refused task form
    ProcessInstance complaint = driver.registerAndAssess("handler", phoneComplaint());
    assertThatThrownBy(() -> driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "enormous",
        "responseTarget", "P15D")).isInstanceOf(InvalidSubmissionException.class);
    // a refused action: a step for another group
    String approval = driver.task(complaint, "Task_ReviewAssessment").getId();
    assertThatThrownBy(() -> driver.as("manager", () -> {
      engine.getTaskService().claim(approval, "manager");
      return null;
    })).isInstanceOf(RuntimeException.class);

    assertThat(output.getAll()).contains("Refused: preferredChannel").contains("Refused: severity");
    assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")))
        .as("ERROR lines for refusals").isEmpty();
    assertThat(output.getAll()).doesNotContain("ENGINE-16004");
  }

  @Test
  void anyOtherFailureOfACommand_isStillAnError(CapturedOutput output) {
    LoggerFactory.getLogger(RefusalLogging.ENGINE_CONTEXT_LOGGER).error("ENGINE-16004 Exception while closing command context: {}",
        "broken", new IllegalStateException("database gone"));
    LoggerFactory.getLogger(RefusalLogging.ENGINE_CONTEXT_LOGGER).error("ENGINE-16004 Exception while closing command context: {}",
        "refused", new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 wrapped",
            new InvalidSubmissionException("severity", "must be one of low, medium")));

    assertThat(output.getAll()).contains("ERROR").contains("database gone").contains("Refused: severity: must be one of");
    assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR "))).hasSize(1);
  }
}
