package org.redress.privacy;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.redress.ComplaintDriver;

/** A complainant who is easy to find in any table, history row or log line. */
final class PrivacyFixtures {

  static final String NAME = "Zebedee Quaxworth";
  static final String EMAIL_PREFIX = "zebedee.quaxworth";
  static final String PHONE = "+44 7700 900123";
  static final String STREET = "17 Marigold Crescent, Puddleby";

  private PrivacyFixtures() {}

  static Map<String, Object> distinctiveComplaint() {
    return ComplaintDriver.with(ComplaintDriver.phoneComplaint(),
        "complainantName", NAME,
        "complainantEmail", EMAIL_PREFIX + "+" + System.nanoTime() + "@example.net",
        "complainantPhone", PHONE,
        "complainantAddress", STREET,
        "description", "Zebedee Quaxworth here: my invoice shows a late fee although I paid on time.");
  }

  /** Low severity, resolved directly, accepted: closed. */
  static ProcessInstance registerAndClose(ComplaintDriver driver, Map<String, Object> form) {
    ProcessInstance complaint = driver.registerAndAssess("handler", form);
    driver.complete(complaint, "Task_ReviewAssessment", "handler", "severity", "low", "responseTarget", "P15D");
    driver.complete(complaint, "Task_ProposeResponse", "handler",
        "responseRemedy", "We remove the late fee for Zebedee Quaxworth.",
        "responseExplanation", "Your payment reached us on time; our bank interface booked it late.",
        "actionRequired", false);
    driver.complete(complaint, "Task_RecordComplainantAnswer", "handler2", "complainantAnswer", "accepted");
    return complaint;
  }
}
