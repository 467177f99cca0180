package org.redress.assessment;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the initial assessment (7.5) that are not in the DMN table. */
@ConfigurationProperties("redress.assessment")
public record AssessmentSettings(
    List<String> safetyKeywords,
    List<String> legalKeywords,
    Map<String, Integer> priorityBySeverity,
    List<String> responseTargets,
    String recurrenceWindow) {

  public int priorityOf(String severity) {
    Integer priority = priorityBySeverity.get(severity);
    if (priority == null) {
      throw new IllegalArgumentException("No priority configured for severity " + severity);
    }
    return priority;
  }
}
