package org.redress.auditing;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Audit sampling (ISO 10002 8.5): how often a sample is drawn, over which period of closures, and
 * how many complaints. Used as {@code ${auditSamplingSettings.cycle}} by the timer start event of
 * processes/audit-sampling.bpmn (read when that process is deployed, like data-retention's cycle).
 */
@Component("auditSamplingSettings")
public class AuditSamplingSettings {

  private final String cycle;
  private final Period period;
  private final int sampleSize;

  public AuditSamplingSettings(@Value("${redress.audit-sampling.cycle:0 0 6 1 * ?}") String cycle,
      @Value("${redress.audit-sampling.period:P1M}") Period period,
      @Value("${redress.audit-sampling.sample-size:5}") int sampleSize) {
    if (sampleSize < 1) {
      throw new IllegalArgumentException("redress.audit-sampling.sample-size must be at least 1");
    }
    this.cycle = cycle;
    this.period = period;
    this.sampleSize = sampleSize;
  }

  public String getCycle() {
    return cycle;
  }

  public Period getPeriod() {
    return period;
  }

  public int getSampleSize() {
    return sampleSize;
  }
}
