package org.redress.notification;

import static org.redress.complaint.ComplaintVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.engine.FormContext;
import org.redress.engine.InvalidSubmissionException;
import org.redress.engine.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Every "Send letter" task (7.3, 7.4, 7.8, 7.9), for complainants without e-mail: on create, its form
 * gets the letter's title and a link to the letter as a printable PDF ({@link Letters}); on complete,
 * the person who sent it says when and how, and the timeline records "sent on / by". Which letter
 * is the task's input {@code letter} (a {@link ComplainantMessage}), set in Modeler with the
 * element template "Send letter".
 */
@Component("sendLetter")
class SendLetter implements TaskListener, FormContext {

  public static final List<String> HOW = List.of("post", "handed-over");

  @Override
  public Set<String> contextVariables() {
    return Set.of(LETTER_TITLE, LETTER_LINK);
  }

  private final CaseEvents events;

  SendLetter(CaseEvents events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    ComplainantMessage message = ComplainantMessage.valueOf((String) task.getVariable(LETTER));
    String reference = CaseEvents.reference(task.getExecution());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(LETTER_TITLE, message.title());
      task.setVariableLocal(LETTER_LINK, "[Open the letter to print (PDF)](/api/staff/complaints/" + reference
          + "/letters/" + message.name().toLowerCase(java.util.Locale.ROOT) + ")");
      return;
    }
    SubmittedForm form = new SubmittedForm(task);
    String how = form.requiredChoice(LETTER_SENT_HOW, HOW);
    LocalDate sentOn = sentOn(form.requiredText(LETTER_SENT_ON));
    // sent today: from now; on an earlier day: from the start of that day (UTC, as every date here)
    task.getExecution().setVariable(LETTER_SENT_ON, sentOn.equals(EngineClock.now().toLocalDate())
        ? EngineClock.nowDate() : java.util.Date.from(sentOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("message", message.name());
    details.put("sentOn", sentOn.toString());
    details.put("sentHow", how);
    events.record(task, EventType.LETTER_SENT, "%s letter %s on %s".formatted(message.title(),
        "post".equals(how) ? "posted" : "handed over", sentOn), details);
  }

  private static LocalDate sentOn(String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidSubmissionException(LETTER_SENT_ON, "must be a date");
    }
    if (date.isAfter(EngineClock.now().toLocalDate())) {
      throw new InvalidSubmissionException(LETTER_SENT_ON, "must not be in the future");
    }
    return date;
  }
}
