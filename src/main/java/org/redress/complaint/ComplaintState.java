package org.redress.complaint;

import java.time.OffsetDateTime;

/** Where a complaint stands now: status, assessment and the milestones clause 8 reports on. */
public record ComplaintState(
    String reference,
    ComplaintStatus status,
    String severity,
    Integer priority,
    String responseTarget,
    OffsetDateTime responseDueAt,
    String team,
    Boolean immediateActionNeeded,
    boolean assessmentOverridden,
    String rootCause,
    String justified,
    boolean escalated,
    boolean decisionReviewed,
    String outcome,
    OffsetDateTime acknowledgedAt,
    OffsetDateTime assessedAt,
    OffsetDateTime decisionCommunicatedAt,
    OffsetDateTime closedAt,
    String closedBy) {}
