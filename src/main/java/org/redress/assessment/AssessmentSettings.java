package org.redress.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the initial assessment (7.5) that are not in the DMN table.
 *
 * @param safetyKeywords words in the description that point to a health or safety risk (7.5); lower case
 * @param legalKeywords words in the description that point to legal or regulatory exposure; lower case
 * @param priorityBySeverity task priority for a severity set by hand in "Review assessment"
 * @param responseTargets response targets a handler may choose when overriding the assessment, such as P5D
 * @param recurrenceWindow how far back earlier complaints (same complainant or same product) are counted;
 *     an ISO 8601 duration such as P365D
 */
@Validated
@ConfigurationProperties("redress.assessment")
public record AssessmentSettings(
    @NotNull List<String> safetyKeywords,
    @NotNull List<String> legalKeywords,
    @NotNull Map<String, Integer> priorityBySeverity,
    @NotEmpty List<String> responseTargets,
    @NotBlank String recurrenceWindow) {

  public int priorityOf(String severity) {
    Integer priority = priorityBySeverity.get(severity);
    if (priority == null) {
      throw new IllegalArgumentException("No priority configured for severity " + severity);
    }
    return priority;
  }
}
