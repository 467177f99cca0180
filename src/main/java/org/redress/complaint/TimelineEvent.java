package org.redress.complaint;

import java.time.OffsetDateTime;

/** One row of a complaint's append-only timeline. */
public record TimelineEvent(
    long id,
    String reference,
    OffsetDateTime occurredAt,
    String actor,
    EventType type,
    String summary,
    String details,
    boolean visibleToComplainant) {}
