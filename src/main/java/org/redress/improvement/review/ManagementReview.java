package org.redress.improvement.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A management review (ISO 10002 8.6) as stored in {@code management_review}, without the report. */
public record ManagementReview(
    long id,
    LocalDate periodStart,
    LocalDate periodEnd,
    OffsetDateTime startedAt,
    String startedBy,
    OffsetDateTime reportCreatedAt,
    String decisions,
    String actions,
    OffsetDateTime completedAt,
    String completedBy,
    String processInstanceId) {}
