package org.redress.complaint;

/** What happened to a complaint. One timeline row per event (ISO 10002 4.12 accountability). */
public enum EventType {
  RECEIVED(true, "Complaint received"),
  ASSESSED(false, "Initial assessment made"),
  ACKNOWLEDGED(true, "Acknowledgement sent"),
  ASSESSMENT_CONFIRMED(false, "Assessment confirmed"),
  ASSESSMENT_OVERRIDDEN(false, "Assessment overridden"),
  IMMEDIATE_ACTION_TAKEN(true, "Immediate action taken"),
  INVESTIGATED(false, "Investigation completed"),
  RESPONSE_PROPOSED(false, "Response proposed"),
  RESPONSE_APPROVED(false, "Response approved"),
  RESPONSE_SENT_BACK(false, "Response sent back"),
  DECISION_COMMUNICATED(true, "Decision communicated"),
  DECISION_ACCEPTED(true, "Decision accepted"),
  DECISION_REJECTED(true, "Decision rejected"),
  DECISION_DEEMED_ACCEPTED(true, "Decision deemed accepted (no answer)"),
  INTERNAL_REVIEW_COMPLETED(true, "Internal review completed"),
  EXTERNAL_RECOURSE_OFFERED(true, "External recourse offered"),
  EXTERNAL_RECOURSE_RECORDED(true, "External recourse recorded"),
  AGREED_ACTION_CARRIED_OUT(true, "Agreed action carried out"),
  REMINDER_SENT(false, "Reminder sent to the handler"),
  ESCALATED(false, "Escalated"),
  ESCALATION_HANDLED(false, "Escalation handled"),
  PROGRESS_UPDATE_SENT(true, "Progress update sent"),
  MESSAGE_SENT(true, "Message sent"),
  // a letter staff printed and posted (or handed over) for a complainant without e-mail (7.3, 7.8)
  LETTER_SENT(true, "Letter sent by post"),
  // the answer period of a decision sent by post starts when the letter was sent (7.9)
  ANSWER_PERIOD_STARTED(true, "Answer period started"),
  // staff issued an access code (at registration or a new one); the code itself is never recorded
  ACCESS_CODE_ISSUED(false, "Access code issued"),
  CLOSED(true, "Complaint closed"),
  SATISFACTION_SURVEY_ANSWERED(true, "Satisfaction survey answered"),
  COMPLAINANT_MESSAGE_RECEIVED(true, "Message from the complainant"),
  // the complainant added information or files on the status page while the complaint was open (7.3)
  INFORMATION_ADDED_BY_COMPLAINANT(true, "Information added by the complainant"),
  QUESTION_ASKED(true, "Question asked"),
  QUESTION_REMINDER_SENT(true, "Question reminder sent"),
  QUESTION_ANSWERED(true, "Question answered"),
  QUESTION_UNANSWERED(true, "Question not answered"),
  CLOCK_PAUSED(false, "Response clock paused"),
  CLOCK_RESUMED(false, "Response clock resumed"),
  // improvement (8.2, 8.7): the complaint is part of a trend that a corrective action addresses
  CORRECTIVE_ACTION_LINKED(false, "Linked to a corrective action"),
  // objectivity and confidentiality (4.7, 4.10)
  OBJECTIVITY_REFUSAL(false, "Refused for objectivity"),
  // case ownership (5.4): a supervisor gives the whole case to another handler
  CASE_REASSIGNED(false, "Case reassigned"),
  PERSONAL_DATA_EXPORTED(false, "Personal data exported"),
  PERSONAL_DATA_ERASED(false, "Personal data erased"),
  PERSONAL_DATA_ANONYMISED(false, "Personal data anonymised");

  private final boolean visibleToComplainant;
  private final String label;

  EventType(boolean visibleToComplainant, String label) {
    this.visibleToComplainant = visibleToComplainant;
    this.label = label;
  }

  /** What staff and auditors read instead of the code. */
  public String label() {
    return label;
  }

  public boolean visibleToComplainant() {
    return visibleToComplainant;
  }
}
