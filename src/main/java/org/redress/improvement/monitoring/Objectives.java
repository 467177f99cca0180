package org.redress.improvement.monitoring;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Objectives for complaints handling (ISO 10002 6.2): a target per KPI, set by process owners in
 * application.yaml under {@code redress.objectives}. A target for an unknown KPI id fails the start,
 * so a typo never silently drops an objective.
 *
 * @param targets            KPI id → target (at most for times and shares of bad outcomes, at least for the
 *                           others); a KPI without one is shown without a target
 * @param acknowledgeWithin  how soon an acknowledgement counts as "within target" (7.4)
 * @param recurrenceWindow   how far before and after a corrective action complaints for its cause are compared
 * @param zone               the time zone in which periods of whole days are counted
 * @param minimumSample      below this many complaints a KPI or a self-assessment clause is not judged against
 *                           its target: it says "not enough data (n = 2)" instead of Met or Conforms
 */
@Validated
@ConfigurationProperties("redress.objectives")
public record Objectives(Map<String, Double> targets, @NotNull Duration acknowledgeWithin,
    @NotNull Duration recurrenceWindow, @NotNull ZoneId zone, Integer minimumSample) {

  public Objectives {
    if (minimumSample == null || minimumSample < 1) {
      throw new IllegalArgumentException("redress.objectives.minimum-sample must be 1 or more");
    }
    targets = targets == null ? Map.of() : new TreeMap<>(targets);
    for (String id : targets.keySet()) {
      KpiDefinition kpi = KpiDefinition.byId(id).orElseThrow(() -> new IllegalArgumentException(
          "redress.objectives.targets." + id + ": no such KPI (see docs/management.md)"));
      if (kpi.direction() == KpiDefinition.Direction.NONE) {
        throw new IllegalArgumentException("redress.objectives.targets." + id + ": this KPI is monitored, not targeted");
      }
    }
  }

  /** The same objectives in another reporting zone. */
  public Objectives inZone(ZoneId other) {
    return new Objectives(targets, acknowledgeWithin, recurrenceWindow, other, minimumSample);
  }

  /** The target for a KPI, or {@code null} when none is set. */
  public Double target(KpiDefinition kpi) {
    return targets.get(kpi.id());
  }
}
