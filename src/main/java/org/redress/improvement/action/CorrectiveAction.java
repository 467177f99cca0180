package org.redress.improvement.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A corrective action (ISO 10002 8.7) as stored in {@code corrective_action}. */
public record CorrectiveAction(
    long id,
    String causeKind,
    String causeCode,
    String status,
    String title,
    String reason,
    String proposedBy,
    OffsetDateTime proposedAt,
    String declineReason,
    String analysis,
    String actionPlan,
    String actionOwner,
    LocalDate dueDate,
    OffsetDateTime implementedAt,
    String implementationNote,
    Double rateBefore,
    Double rateAfter,
    Boolean effective,
    int timesReopened,
    OffsetDateTime closedAt,
    String processInstanceId,
    Long managementReviewId) {

  public static final String PROPOSED = "PROPOSED";
  public static final String DECLINED = "DECLINED";
  public static final String OPEN = "OPEN";
  public static final String IMPLEMENTED = "IMPLEMENTED";
  public static final String CLOSED = "CLOSED";
  public static final String REOPENED = "REOPENED";

  public boolean isOpen() {
    return !DECLINED.equals(status) && !CLOSED.equals(status);
  }
}
