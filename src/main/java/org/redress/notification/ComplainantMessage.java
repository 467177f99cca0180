package org.redress.notification;

/** The letters the process promises the complainant (7.3, 7.4, 7.8, 7.9). */
public enum ComplainantMessage {
  ACKNOWLEDGEMENT("Acknowledgement"),
  PROGRESS_UPDATE("Progress update"),
  DECISION("Decision"),
  EXTERNAL_RECOURSE("External recourse options"),
  CLOSURE("Closure"),
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
