package org.redress.auditing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.redress.engine.ProcessExpressionName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Audit sampling (ISO 10002 8.5): how often a sample is drawn, over which period of closures, and
 * how many complaints. Used as {@code ${auditSamplingSettings.cycle}} by the timer start event of
 * processes/audit-sampling.bpmn (read when that process is deployed, like data-retention's cycle).
 *
 * @param cycle when a sample is drawn: a Quartz-style cron expression or an ISO 8601 cycle, read when
 *     processes/audit-sampling.bpmn is deployed
 * @param period the complaints closed in this period before the moment of drawing are sampled
 * @param sampleSize how many of them the auditors review (fewer when fewer were closed); at least 1
 */
@Validated
@ProcessExpressionName("auditSamplingSettings")
@ConfigurationProperties("redress.audit-sampling")
public record AuditSamplingSettings(@NotBlank String cycle, @NotNull Period period,
    @NotNull @Min(1) Integer sampleSize) {

  /** The cycle for the timer expression {@code ${auditSamplingSettings.cycle}} (a JavaBean property). */
  public String getCycle() {
    return cycle;
  }
}
