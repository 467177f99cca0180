package org.redress.complaint;

/**
 * The clauses of ISO 10002:2018 that Redress names on a screen or in a document, with their names.
 * Every clause number a person is shown comes from here, so it reads the same everywhere and
 * matches the table "Clause numbers and names" in docs/iso-10002-map.md (checked by
 * ClauseNumbersTest).
 */
public enum IsoClause {
  COMMITMENT("4.2", "Commitment"),
  CAPABILITY("4.3", "Capability"),
  TRANSPARENCY("4.4", "Transparency"),
  ACCESSIBILITY("4.5", "Accessibility"),
  RESPONSIVENESS("4.6", "Responsiveness"),
  OBJECTIVITY("4.7", "Objectivity"),
  CHARGES("4.8", "Charges"),
  INFORMATION_INTEGRITY("4.9", "Information integrity"),
  CONFIDENTIALITY("4.10", "Confidentiality"),
  CUSTOMER_FOCUS("4.11", "Customer-focused approach"),
  ACCOUNTABILITY("4.12", "Accountability"),
  IMPROVEMENT("4.13", "Improvement"),
  COMPETENCE("4.14", "Competence"),
  TIMELINESS("4.15", "Timeliness"),
  ROLES("5.4", "Roles and responsibilities"),
  OBJECTIVES("6.2", "Objectives"),
  RESOURCES("6.4", "Resources"),
  COMMUNICATION("7.1", "Communication"),
  RECEIPT("7.2", "Receipt"),
  TRACKING("7.3", "Tracking"),
  ACKNOWLEDGEMENT("7.4", "Acknowledgement"),
  INITIAL_ASSESSMENT("7.5", "Initial assessment"),
  INVESTIGATION("7.6", "Investigation"),
  RESPONSE("7.7", "Response"),
  COMMUNICATING_THE_DECISION("7.8", "Communicating the decision"),
  CLOSING("7.9", "Closing"),
  COLLECTION_OF_INFORMATION("8.1", "Collection of information"),
  ANALYSIS_AND_EVALUATION("8.2", "Analysis and evaluation"),
  SATISFACTION("8.3", "Satisfaction with the process"),
  MONITORING("8.4", "Monitoring"),
  AUDITING("8.5", "Auditing"),
  MANAGEMENT_REVIEW("8.6", "Management review"),
  CONTINUAL_IMPROVEMENT("8.7", "Continual improvement");

  private final String number;
  private final String title;

  IsoClause(String number, String title) {
    this.number = number;
    this.title = title;
  }

  public String number() {
    return number;
  }

  public String title() {
    return title;
  }
}
