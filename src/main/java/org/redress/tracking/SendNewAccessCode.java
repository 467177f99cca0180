package org.redress.tracking;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintVariables;
import org.redress.notification.ComplainantMessage;
import org.redress.notification.ComplainantNotifier;
import org.springframework.stereotype.Component;

/**
 * Task_SendNewAccessCode (access-code-recovery.bpmn): when the e-mail address given matches the
 * complaint's, issues a new access code and e-mails it to that address (the letter is on the
 * timeline, the code never). Nothing happens otherwise, nor for complaints without an e-mail address
 * or when this installation sends no e-mail — staff can issue a new code for those.
 */
@Component("sendNewAccessCode")
class SendNewAccessCode implements JavaDelegate {

  private final ComplaintRepository complaints;
  private final AccessCodes accessCodes;
  private final ComplainantNotifier notifier;

  SendNewAccessCode(ComplaintRepository complaints, AccessCodes accessCodes, ComplainantNotifier notifier) {
    this.complaints = complaints;
    this.accessCodes = accessCodes;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(ComplaintVariables.REFERENCE);
    String given = (String) execution.getVariable(CodeRecovery.EMAIL_HASH);
    Optional<Complaint> complaint = complaints.find(reference);
    boolean matches = complaint.isPresent() && complaint.get().complainantEmail() != null && given != null
        && MessageDigest.isEqual(CodeRecovery.emailHash(complaint.get().complainantEmail()).getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
    execution.setVariable("codeSent", false);
    if (!matches || !notifier.reachesComplainantDirectly(complaint.get())) {
      return;
    }
    notifier.send(execution, ComplainantMessage.NEW_ACCESS_CODE,
        Map.of(ComplainantNotifier.ACCESS_CODE, accessCodes.issue(reference)));
    execution.setVariable("codeSent", true);
  }
}
