package org.redress.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.redress.engine.ProcessExpressionName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the complainant's personal data is kept after closure (ISO 10002 4.10), and when the
 * data-retention process looks for complaints to anonymise. Used as {@code ${retentionSettings.cycle}}
 * by the timer start event of processes/data-retention.bpmn (read when that process is deployed).
 *
 * @param anonymiseAfter how long after closure the complainant's personal data is kept before it is
 *     anonymised
 * @param cycle when processes/data-retention.bpmn looks for complaints to anonymise: a Quartz-style cron
 *     expression or an ISO 8601 cycle, read when the process is deployed
 */
@Validated
@ProcessExpressionName("retentionSettings")
@ConfigurationProperties("redress.retention")
public record RetentionSettings(@NotNull Period anonymiseAfter, @NotBlank String cycle) {

  /** The cycle for the timer expression {@code ${retentionSettings.cycle}} (a JavaBean property). */
  public String getCycle() {
    return cycle;
  }
}
