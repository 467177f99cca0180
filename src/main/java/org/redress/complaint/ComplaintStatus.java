package org.redress.complaint;

/** Where a complaint stands, in words a complainant understands (7.3). */
public enum ComplaintStatus {
  RECEIVED("Received", "Received"),
  ASSESSED("Assessed", "Assessed"),
  ACKNOWLEDGED("Acknowledged", "Acknowledged"),
  UNDER_INVESTIGATION("Under investigation", "Being looked into"),
  RESPONSE_PROPOSED("Response proposed", "Response being prepared"),
  DECISION_COMMUNICATED("Decision communicated", "Decision sent, waiting for your answer"),
  DECISION_ACCEPTED("Decision accepted", "Decision accepted"),
  UNDER_INTERNAL_REVIEW("Under internal review", "Under internal review"),
  EXTERNAL_RECOURSE("External recourse", "Referred for external recourse"),
  CLOSED("Closed", "Closed");

  private final String label;
  private final String plainWords;

  ComplaintStatus(String label, String plainWords) {
    this.label = label;
    this.plainWords = plainWords;
  }

  /** The status in staff's words (Cockpit plugin, dashboard); {@link #plainWords()} is the complainant's. */
  public String label() {
    return label;
  }

  /** The label of a status code, or the code itself when it is no status. */
  public static String labelOf(String code) {
    for (ComplaintStatus status : values()) {
      if (status.name().equals(code)) {
        return status.label;
      }
    }
    return code;
  }

  public String plainWords() {
    return plainWords;
  }
}
