package org.redress.improvement.trends;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a cause of complaints counts as a trend (8.2), and how often processes/trend-detection.bpmn
 * looks: its timer start reads {@code ${trendSettings.cycle}} when the process is deployed.
 * A cause is a trend when, within the window, it has at least {@code threshold} complaints, or at
 * least {@code growthMinimum} complaints and {@code growthFactor} times as many as in the window
 * before.
 */
@Component("trendSettings")
public class TrendSettings {

  private final String cycle;
  private final Period window;
  private final int threshold;
  private final double growthFactor;
  private final int growthMinimum;

  public TrendSettings(@Value("${redress.improvement.trend-detection.cycle:0 15 3 * * ?}") String cycle,
      @Value("${redress.improvement.trend-detection.window:P30D}") Period window,
      @Value("${redress.improvement.trend-detection.threshold:10}") int threshold,
      @Value("${redress.improvement.trend-detection.growth-factor:2.0}") double growthFactor,
      @Value("${redress.improvement.trend-detection.growth-minimum:5}") int growthMinimum) {
    this.cycle = cycle;
    this.window = window;
    this.threshold = threshold;
    this.growthFactor = growthFactor;
    this.growthMinimum = growthMinimum;
  }

  public String getCycle() {
    return cycle;
  }

  public Period getWindow() {
    return window;
  }

  public int getThreshold() {
    return threshold;
  }

  public double getGrowthFactor() {
    return growthFactor;
  }

  public int getGrowthMinimum() {
    return growthMinimum;
  }

  /** The rule itself, so it reads the same in code, docs and tests. */
  public String trendIn(long current, long previous) {
    if (current >= threshold) {
      return "%d complaints in %s (threshold %d)".formatted(current, window, threshold);
    }
    if (current >= growthMinimum && current >= growthFactor * previous) {
      return "%d complaints in %s against %d in the %s before (growth factor %.1f)".formatted(current, window,
          previous, window, growthFactor);
    }
    return null;
  }
}
