package org.redress.complaint;

/** Where a complaint stands, in words a complainant understands (7.3). */
public enum ComplaintStatus {
  RECEIVED("Received"),
  ASSESSED("Assessed"),
  ACKNOWLEDGED("Acknowledged"),
  UNDER_INVESTIGATION("Being looked into"),
  RESPONSE_PROPOSED("Response being prepared"),
  DECISION_COMMUNICATED("Decision sent, waiting for your answer"),
  DECISION_ACCEPTED("Decision accepted"),
  UNDER_INTERNAL_REVIEW("Under internal review"),
  EXTERNAL_RECOURSE("Referred for external recourse"),
  CLOSED("Closed");

  private final String plainWords;

  ComplaintStatus(String plainWords) {
    this.plainWords = plainWords;
  }

  public String plainWords() {
    return plainWords;
  }
}
