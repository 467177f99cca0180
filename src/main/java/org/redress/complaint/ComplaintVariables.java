package org.redress.complaint;

/**
 * Every process variable of complaint-handling.bpmn, declared once. Only what gateways, timers and
 * forms need lives in the process; the complaint itself lives in Redress's tables.
 */
public final class ComplaintVariables {

  public static final String PROCESS_KEY = "complaint-handling";

  public static final String REFERENCE = "complaintReference";
  public static final String CHANNEL = "channel";

  // initial assessment (7.5)
  public static final String SEVERITY = "severity";
  public static final String PRIORITY = "priority";
  public static final String RESPONSE_TARGET = "responseTarget";
  public static final String RESPONSE_DUE_DATE = "responseDueDate";
  public static final String REMINDER_DATE = "reminderDate";
  /** Set by the handler's form: ask the complainant a question before finishing the step (7.6). */
  public static final String ASK_COMPLAINANT = "askComplainant";
  /** Asking the complainant (7.6, process ask-the-complainant): the question, who asked it, and the wait. */
  public static final String COMPLAINANT_QUESTION = "complainantQuestion";
  public static final String QUESTION_ASKED_BY = "questionAskedBy";
  public static final String QUESTION_ID = "questionId";
  public static final String QUESTION_ANSWER_PERIOD = "questionAnswerPeriod";
  public static final String CLOCK_PAUSED_AT = "clockPausedAt";
  public static final String PAUSED_PROCESS_INSTANCE = "pausedProcessInstanceId";
  public static final String COMPLAINANT_ANSWERED = "complainantAnswered";
  /** Working seconds the response clock stood still while the complainant was asked (7.6). */
  public static final String RESPONSE_CLOCK_PAUSED_SECONDS = "responseClockPausedSeconds";
  public static final String IMMEDIATE_ACTION_NEEDED = "immediateActionNeeded";
  public static final String IMMEDIATE_ACTION_DUE_DATE = "immediateActionDueDate";
  public static final String TEAM = "team";
  public static final String OVERRIDE_REASON = "overrideReason";
  public static final String PROGRESS_UPDATE_CYCLE = "progressUpdateCycle";

  // classification (8.2): codes from the code lists, and the lists' active entries for the forms
  public static final String CATEGORY = "category";
  public static final String PRODUCT = "product";
  public static final String CATEGORY_OPTIONS = "categoryOptions";
  public static final String PRODUCT_OPTIONS = "productOptions";
  public static final String ROOT_CAUSE_OPTIONS = "rootCauseOptions";

  // task form fields
  public static final String IMMEDIATE_ACTION_TAKEN = "immediateActionTaken";
  public static final String FINDINGS = "findings";
  public static final String ROOT_CAUSE = "rootCause";
  public static final String COMPLAINT_JUSTIFIED = "complaintJustified";
  public static final String RESPONSE_REMEDY = "responseRemedy";
  public static final String RESPONSE_EXPLANATION = "responseExplanation";
  public static final String PREVENTIVE_ACTION = "preventiveAction";
  public static final String ACTION_REQUIRED = "actionRequired";
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String COMPLAINANT_ANSWER = "complainantAnswer";
  public static final String COMPLAINANT_REASON = "complainantReason";
  public static final String COMPLAINANT_COMMENT = "complainantComment";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String REVIEW_REASONS = "reviewReasons";
  public static final String RECOURSE_TAKEN = "recourseTaken";
  public static final String EXTERNAL_BODY = "externalBody";
  public static final String EXTERNAL_REFERENCE = "externalReference";
  public static final String EXTERNAL_OUTCOME = "externalOutcome";
  public static final String ACTION_TAKEN = "actionTaken";
  public static final String ESCALATION_NOTES = "escalationNotes";

  // set by steps, read by gateways, timers and closing
  public static final String DECISION_REVIEWED = "decisionReviewed";
  public static final String DEEMED_ACCEPTED = "deemedAccepted";
  /** Set at receipt: the complainant has no e-mail address, so each letter is a staff task "Send letter". */
  public static final String LETTERS_BY_POST = "lettersByPost";
  /** Set at receipt: a member of staff registered a phone, letter or in-person complaint and is shown its code. */
  public static final String HAND_OVER_ACCESS_CODE = "registeredByHandler";
  public static final String REGISTERED_BY = "registeredBy";
  /** Transient (never stored): the access code issued at registration, for the hand-over task's form only. */
  public static final String ACCESS_CODE = "accessCode";
  /** Input of each "Send letter" task: which letter (a notification.ComplainantMessage name). */
  public static final String LETTER = "letter";
  public static final String LETTER_SENT_ON = "letterSentOn";
  public static final String LETTER_SENT_HOW = "letterSentHow";
  /** Task-local, for the "Send letter" form: the letter's title and a link to it as a PDF. */
  public static final String LETTER_TITLE = "letterTitle";
  public static final String LETTER_LINK = "letterLink";
  public static final String ANSWER_DUE_DATE = "answerDueDate";
  public static final String REVIEW_DUE_DATE = "reviewDueDate";
  public static final String ACTION_DUE_DATE = "actionDueDate";
  public static final String ESCALATION_DUE_DATE = "escalationDueDate";
  public static final String CLOSING_ACTOR = "closingActor";
  /** The handler who owns the case: its next handler step is assigned to them (security/CaseOwnership). */
  public static final String CASE_HANDLER = "caseHandler";

  // task-local context for the forms (engine/TaskContext)
  public static final String COMPLAINT_SUMMARY = "complaintSummary";
  public static final String ASSESSMENT_SUMMARY = "assessmentSummary";
  public static final String CASE_HISTORY = "caseHistory";

  // corrective action (8.7), processes/corrective-action.bpmn
  public static final String CORRECTIVE_ACTION_PROCESS_KEY = "corrective-action";
  public static final String CORRECTIVE_ACTION_ID = "correctiveActionId";
  public static final String TRIAGE_DECISION = "triageDecision";
  public static final String ACTION_OWNER = "actionOwner";
  public static final String CORRECTIVE_ACTION_DUE_DATE = "correctiveActionDueDate";
  public static final String CORRECTIVE_ACTION_REMINDER_DATE = "correctiveActionReminderDate";
  public static final String ACTION_EFFECTIVE = "actionEffective";

  // management review (8.6), processes/management-review.bpmn
  public static final String MANAGEMENT_REVIEW_PROCESS_KEY = "management-review";
  public static final String MANAGEMENT_REVIEW_ID = "managementReviewId";
  public static final String START_CORRECTIVE_ACTION = "correctiveActionDecided";

  private ComplaintVariables() {}

  // audit sampling (8.5, processes/audit-sampling.bpmn)
  public static final String AUDIT_SAMPLE = "auditSample";
  public static final String AUDIT_SAMPLE_SIZE = "auditSampleSize";
  public static final String AUDIT_PERIOD_START = "auditPeriodStart";
  public static final String AUDIT_PERIOD_END = "auditPeriodEnd";
  /** The multi-instance element variable: the complaint one auditor reviews (not complaintReference, so
   * the complaint handlers' task context and its personal data stay out of the audit task). */
  public static final String AUDITED_COMPLAINT = "auditedComplaint";
  public static final String AUDIT_CONTEXT = "auditContext";
}
