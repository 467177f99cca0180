package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.ACCESS_CODE;
import static org.redress.complaint.ComplaintVariables.CHANNEL;
import static org.redress.complaint.ComplaintVariables.HAND_OVER_ACCESS_CODE;
import static org.redress.complaint.ComplaintVariables.LETTERS_BY_POST;
import static org.redress.complaint.ComplaintVariables.REFERENCE;
import static org.redress.complaint.ComplaintVariables.REGISTERED_BY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.Channel;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintMeters;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.ReferenceNumbers;
import org.redress.complaint.Timeline;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.redress.problem.FieldError;
import org.redress.problem.FormBinding;
import org.redress.security.NamedStaff;
import org.springframework.stereotype.Component;

/**
 * Task_RecordComplaint (ISO 10002 7.2 receipt). Checks the submission, stores it as submitted,
 * gives it its reference and makes the reference the business key. Runs in the transaction that
 * starts the process, so the complaint row and the process start commit together — or neither.
 * The raw submission is then removed from the process (from the public form, the API and e-mail it came
 * as transient variables, see ComplaintIntake): the complaint lives in Redress's tables.
 */
@Component("recordComplaint")
class RecordComplaint implements JavaDelegate {

  /** What the process does not keep of a submission: every field but the channel, which it keeps as it is. */
  private static final List<String> SUBMITTED_FIELDS = ComplaintForm.FIELDS.stream().filter(f -> !f.equals(CHANNEL)).toList();

  private static final java.util.Set<Channel> SELF_SERVICE = java.util.EnumSet.of(Channel.WEB, Channel.API, Channel.EMAIL);
  /** Complaints that reach a handler, who registers them and gives the complainant reference and code. */
  private static final java.util.Set<Channel> STAFF_REGISTERED = java.util.EnumSet.of(Channel.PHONE, Channel.LETTER,
      Channel.IN_PERSON);

  private final ComplaintRepository complaints;
  private final ReferenceNumbers references;
  private final Timeline timeline;
  private final NamedStaff namedStaff;
  private final FormBinding binding;
  private final AccessCodes accessCodes;
  private final ComplaintMeters meters;

  public RecordComplaint(ComplaintRepository complaints, ReferenceNumbers references, Timeline timeline,
      NamedStaff namedStaff, FormBinding binding, AccessCodes accessCodes, ComplaintMeters meters) {
    this.accessCodes = accessCodes;
    this.meters = meters;
    this.complaints = complaints;
    this.references = references;
    this.timeline = timeline;
    this.namedStaff = namedStaff;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> submitted = execution.getVariables();
    FormBinding.Bound<Registration> registration = binding.bindOwnFields(submitted, Registration.class);
    FormBinding.Bound<ComplaintForm> form = binding.bindOwnFields(submitted, ComplaintForm.class);
    List<FieldError> errors = new ArrayList<>(registration.errors());
    errors.addAll(form.errors());
    if (!errors.isEmpty()) {
      throw InvalidSubmissionException.of(errors.stream().map(e -> Map.entry(e.field(), e.reason())).toList());
    }
    ComplaintForm v = form.form();
    Channel channel = registration.form().channelOf();
    List<String> unknown = unknownUsers(execution, v.namedStaffIds());
    if (!unknown.isEmpty()) {
      throw new InvalidSubmissionException(ComplaintForm.NAMED_STAFF,
          "no staff member with the user name " + String.join(", ", unknown));
    }
    String reference = references.next();
    String actor = Actors.current(execution.getProcessEngineServices());
    if (Actors.SYSTEM.equals(actor) && SELF_SERVICE.contains(channel)) {
      actor = Actors.COMPLAINANT; // nobody logged in: the complainant submitted it themselves
    }
    String immediateAction = registration.form().immediateActionAtReceipt();
    Complaint complaint = new Complaint(reference, channel, v.complainantName(), v.complainantOrganisation(),
        v.complainantEmail(), v.complainantPhone(), v.complainantAddress(), v.preferredChannel(),
        v.language(), v.onBehalfOf(), v.productOrService(), v.orderReference(), v.problemDay(),
        v.description(), v.remedyRequested(), v.amount(), v.safety(), v.legal(), immediateAction, EngineClock.now(),
        actor);
    complaints.insert(complaint);
    meters.received(channel);
    namedStaff.record(reference, v.namedStaffIds());

    execution.removeVariables(SUBMITTED_FIELDS);
    execution.setProcessBusinessKey(reference);
    execution.setVariable(REFERENCE, reference);
    if (!channel.code().equals(execution.getVariable(CHANNEL))) {
      execution.setVariable(CHANNEL, channel.code());
    }

    execution.setVariable(LETTERS_BY_POST, complaint.complainantEmail() == null);
    boolean handOver = STAFF_REGISTERED.contains(channel) && !Actors.SYSTEM.equals(actor)
        && !Actors.COMPLAINANT.equals(actor);
    execution.setVariable(HAND_OVER_ACCESS_CODE, handOver);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("channel", channel.code());
    if (immediateAction != null) {
      details.put("immediateActionAtReceipt", immediateAction);
    }
    timeline.record(reference, EventType.RECEIVED, actor, "Complaint received by " + channel.code(), details,
        execution.getProcessInstanceId(), execution.getCurrentActivityId());
    if (handOver) {
      // The registering handler reads reference and code out (or writes them down) at once: the code
      // goes to their hand-over task as a transient variable, never stored in the process or its history.
      execution.setVariable(REGISTERED_BY, actor);
      execution.setVariable(ACCESS_CODE, Variables.stringValue(accessCodes.issue(reference), true));
      timeline.record(reference, EventType.ACCESS_CODE_ISSUED, actor,
          "Access code issued at registration, shown once to the registering handler", Map.of(),
          execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
  }

  private static List<String> unknownUsers(DelegateExecution execution, List<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    return userIds.stream().filter(id -> identity.createUserQuery().userId(id).count() == 0).toList();
  }
}
