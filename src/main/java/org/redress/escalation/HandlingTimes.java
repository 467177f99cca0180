package org.redress.escalation;

import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time frames of the handling process that are not set by the assessment (ISO 10002 4.15, 6.2).
 * Process owners set them in application.yaml ({@code redress.handling-times}). A value that is not
 * an ISO 8601 duration (or, for the progress updates, repeating interval) fails the start, not a
 * running complaint.
 *
 * @param answerPeriod how long the complainant has to answer a decision before it is deemed accepted
 *     (7.9); an ISO 8601 duration such as P14D
 * @param reviewPeriod target for an internal review after a rejected decision (7.9)
 * @param escalationPeriod how long a supervisor has to deal with an escalated complaint (4.15)
 * @param immediateActionPeriod target for immediate action on safety-related complaints (7.5), such as PT4H
 * @param agreedActionPeriod how long after acceptance the agreed action should be carried out (7.9)
 * @param progressUpdateCycle how often the complainant hears about an open complaint (7.3): an ISO 8601
 *     repeating interval such as R/P7D
 * @param reminderAtShareOfTarget the handlers are reminded when this share of the response target has
 *     passed (4.15); between 0 and 1
 * @param questionAnswerPeriod how long (working time) a question to the complainant waits for the answer
 *     before one reminder, and again after the reminder before the handler goes on without it (7.6)
 */
@ConfigurationProperties("redress.handling-times")
public record HandlingTimes(
    String answerPeriod,
    String reviewPeriod,
    String escalationPeriod,
    String immediateActionPeriod,
    String agreedActionPeriod,
    String progressUpdateCycle,
    Double reminderAtShareOfTarget,
    String questionAnswerPeriod) {

  private static final DatatypeFactory DURATIONS;

  static {
    try {
      DURATIONS = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public HandlingTimes {
    for (String period : new String[] {answerPeriod, reviewPeriod, escalationPeriod, immediateActionPeriod,
        agreedActionPeriod, questionAnswerPeriod}) {
      after(new Date(), period); // fail at start-up on a bad ISO 8601 duration, not in a running complaint
    }
    if (progressUpdateCycle == null || !progressUpdateCycle.matches("R\\d*/P.+")) {
      throw new IllegalArgumentException(
          "redress.handling-times.progress-update-cycle must be an ISO 8601 repeating interval such as R/P7D");
    }
    after(new Date(), progressUpdateCycle.substring(progressUpdateCycle.indexOf('/') + 1));
    if (reminderAtShareOfTarget == null || reminderAtShareOfTarget <= 0 || reminderAtShareOfTarget >= 1) {
      throw new IllegalArgumentException("redress.handling-times.reminder-at-share-of-target must be between 0 and 1");
    }
  }

  /** {@code start} plus an ISO 8601 duration such as P10D or PT4H. */
  public static Date after(Date start, String isoDuration) {
    Date result = new Date(start.getTime());
    DURATIONS.newDuration(isoDuration).addTo(result);
    return result;
  }

  /** {@code start} minus an ISO 8601 duration. */
  public static Date before(Date start, String isoDuration) {
    Date result = new Date(start.getTime());
    DURATIONS.newDuration(isoDuration).negate().addTo(result);
    return result;
  }

  /** The moment when the given share of the period from {@code start} to {@code end} has passed. */
  public static Date share(Date start, Date end, double share) {
    return new Date(start.getTime() + Math.round((end.getTime() - start.getTime()) * share));
  }
}
