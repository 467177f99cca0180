package org.redress.complaint;

import java.time.OffsetDateTime;

/**
 * One row of a complaint's append-only timeline, with its place in the complaint's hash chain
 * ({@link TimelineChain}): {@code sequence} counts from 1, {@code previousHash} is the hash of the
 * event before it (null for the first), {@code hash} seals this event.
 */
public record TimelineEvent(
    long id,
    String reference,
    OffsetDateTime occurredAt,
    String actor,
    EventType type,
    String summary,
    String details,
    boolean visibleToComplainant,
    String processInstanceId,
    String activityId,
    Integer sequence,
    String previousHash,
    String hash) {}
