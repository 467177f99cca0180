package org.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.privacy.PrivacyFixtures.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ISO 10002 4.10: personal data never goes to the logs — through a whole lifecycle, refused
 * submissions and refused actions included (the engine logs those with their messages).
 */
@RedressTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  @Test
  void aComplaintsLifecycle_leavesNoPersonalDataInTheLog(CapturedOutput output) {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    StaffHttp http = new StaffHttp(port);

    ProcessInstance complaint = registerAndClose(driver, ComplaintDriver.with(distinctiveComplaint(), "namedStaff", "supervisor2"));
    String reference = driver.reference(complaint);
    assertThatThrownBy(() -> driver.register("handler", ComplaintDriver.with(distinctiveComplaint(),
        "complainantEmail", "zebedee.quaxworth at example", "preferredChannel", "pigeon"))).isNotNull();
    ProcessInstance open = driver.registerAndAssess("handler", ComplaintDriver.with(distinctiveComplaint(), "namedStaff", "handler2"));
    http.postJson("handler2", "/engine-rest/task/" + driver.task(open, "Task_ReviewAssessment").getId() + "/claim",
        java.util.Map.of("userId", "handler2"));
    http.get("supervisor", "/api/staff/complaints/" + reference + "/personal-data");

    assertThat(output.getAll()).as("the log was captured").contains(reference);
    assertThat(output.getAll()).doesNotContain(NAME, EMAIL_PREFIX, PHONE, STREET, "Quaxworth");
  }
}
