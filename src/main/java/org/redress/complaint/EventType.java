package org.redress.complaint;

/** What happened to a complaint. One timeline row per event (ISO 10002 4.12 accountability). */
public enum EventType {
  RECEIVED(true),
  ASSESSED(false),
  ACKNOWLEDGED(true),
  ASSESSMENT_CONFIRMED(false),
  ASSESSMENT_OVERRIDDEN(false),
  IMMEDIATE_ACTION_TAKEN(true),
  INVESTIGATED(false),
  RESPONSE_PROPOSED(false),
  RESPONSE_APPROVED(false),
  RESPONSE_SENT_BACK(false),
  DECISION_COMMUNICATED(true),
  DECISION_ACCEPTED(true),
  DECISION_REJECTED(true),
  DECISION_DEEMED_ACCEPTED(true),
  INTERNAL_REVIEW_COMPLETED(true),
  EXTERNAL_RECOURSE_OFFERED(true),
  EXTERNAL_RECOURSE_RECORDED(true),
  AGREED_ACTION_CARRIED_OUT(true),
  REMINDER_SENT(false),
  ESCALATED(false),
  ESCALATION_HANDLED(false),
  PROGRESS_UPDATE_SENT(true),
  MESSAGE_SENT(true),
  // a letter staff printed and posted (or handed over) for a complainant without e-mail (7.3, 7.8)
  LETTER_SENT(true),
  // the answer period of a decision sent by post starts when the letter was sent (7.9)
  ANSWER_PERIOD_STARTED(true),
  // staff issued an access code (at registration or a new one); the code itself is never recorded
  ACCESS_CODE_ISSUED(false),
  CLOSED(true),
  SATISFACTION_SURVEY_ANSWERED(true),
  COMPLAINANT_MESSAGE_RECEIVED(true),
  // the complainant added information or files on the status page while the complaint was open (7.3)
  INFORMATION_ADDED_BY_COMPLAINANT(true),
  QUESTION_ASKED(true),
  QUESTION_REMINDER_SENT(true),
  QUESTION_ANSWERED(true),
  QUESTION_UNANSWERED(true),
  CLOCK_PAUSED(false),
  CLOCK_RESUMED(false),
  // improvement (8.2, 8.7): the complaint is part of a trend that a corrective action addresses
  CORRECTIVE_ACTION_LINKED(false),
  // objectivity and confidentiality (4.7, 4.10)
  OBJECTIVITY_REFUSAL(false),
  // case ownership (5.4): a supervisor gives the whole case to another handler
  CASE_REASSIGNED(false),
  PERSONAL_DATA_EXPORTED(false),
  PERSONAL_DATA_ERASED(false),
  PERSONAL_DATA_ANONYMISED(false);

  private final boolean visibleToComplainant;

  EventType(boolean visibleToComplainant) {
    this.visibleToComplainant = visibleToComplainant;
  }

  public boolean visibleToComplainant() {
    return visibleToComplainant;
  }
}
