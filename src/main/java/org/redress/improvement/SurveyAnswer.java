package org.redress.improvement;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.redress.problem.Text;
import org.redress.problem.WrongType;

/** How the complainant rates the handling of their complaint after it is closed (8.3): 1 to 5, and a comment. */
@Schema(name = "SurveyAnswer")
public record SurveyAnswer(
    @Schema(minimum = "1", maximum = "5") @WrongType(SurveyAnswer.RATING_RANGE) @NotNull(message = "is required")
    @Min(value = 1, message = SurveyAnswer.RATING_RANGE) @Max(value = 5, message = SurveyAnswer.RATING_RANGE) Integer rating,
    @Schema(maxLength = SurveyAnswer.MAX_COMMENT) @Text(max = SurveyAnswer.MAX_COMMENT) String comment) {

  public static final int MAX_COMMENT = 2000;
  static final String RATING_RANGE = "must be a whole number from 1 to 5";
}
