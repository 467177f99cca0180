package org.redress.notification;

/** The letters the process promises the complainant (7.3, 7.4, 7.8, 7.9), and a new access code on request (4.3). */
public enum ComplainantMessage {
  ACKNOWLEDGEMENT("Acknowledgement"),
  PROGRESS_UPDATE("Progress update"),
  DECISION("Decision"),
  EXTERNAL_RECOURSE("External recourse options"),
  CLOSURE("Closure"),
  NEW_ACCESS_CODE("New access code"),
  QUESTION("Question about your complaint"),
  QUESTION_REMINDER("Reminder of our question");

  private final String title;

  ComplainantMessage(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
