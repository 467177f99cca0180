package org.redress.auditing;

import java.util.List;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineChain;
import org.redress.complaint.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Recomputes a complaint's hash chain and says whether any event was altered or removed (tamper
 * evidence, ISO 10002 4.12). Used by the verification endpoint, the history and the case file.
 */
@Component
class VerifyTimeline {

  public record Problem(Long eventId, Integer sequence, String problem) {}

  public record Verification(String reference, boolean intact, int events, Integer headSequence, String headHash,
      List<Problem> problems) {}

  private final Timeline timeline;

  public VerifyTimeline(Timeline timeline) {
    this.timeline = timeline;
  }

  public Verification verify(String reference) {
    return verify(reference, timeline.of(reference));
  }

  Verification verify(String reference, List<TimelineEvent> events) {
    List<Problem> problems = TimelineChain.verify(events).stream()
        .map(f -> new Problem(f.eventId(), f.sequence(), f.problem().name())).toList();
    TimelineEvent head = events.stream().filter(e -> e.sequence() != null)
        .reduce((a, b) -> b).orElse(null);
    return new Verification(reference, problems.isEmpty(), events.size(), head == null ? null : head.sequence(),
        head == null ? null : head.hash(), problems);
  }
}
