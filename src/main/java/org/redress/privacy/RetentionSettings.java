package org.redress.privacy;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the complainant's personal data is kept after closure (ISO 10002 4.10), and when the
 * data-retention process looks for complaints to anonymise. Used as {@code ${retentionSettings.cycle}}
 * by the timer start event of processes/data-retention.bpmn (read when that process is deployed).
 */
@Component("retentionSettings")
public class RetentionSettings {

  private final Period anonymiseAfter;
  private final String cycle;

  public RetentionSettings(@Value("${redress.retention.anonymise-after:P3Y}") Period anonymiseAfter,
      @Value("${redress.retention.cycle:0 30 2 * * ?}") String cycle) {
    this.anonymiseAfter = anonymiseAfter;
    this.cycle = cycle;
  }

  public Period getAnonymiseAfter() {
    return anonymiseAfter;
  }

  public String getCycle() {
    return cycle;
  }
}
