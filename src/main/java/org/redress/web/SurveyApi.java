package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.redress.complaint.AccessCodes;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.tracking.ComplaintTracking;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The satisfaction survey after closure (ISO 10002 8.3), once per complaint. */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints")
public class SurveyApi {

  @Schema(name = "SurveyAnswer")
  public record SurveyForm(@Schema(minimum = "1", maximum = "5") Integer rating,
      @Schema(maxLength = 2000) String comment) {}

  private final AccessCodes accessCodes;
  private final SatisfactionSurvey survey;
  private final ComplaintTracking tracking;

  public SurveyApi(AccessCodes accessCodes, SatisfactionSurvey survey, ComplaintTracking tracking) {
    this.accessCodes = accessCodes;
    this.survey = survey;
    this.tracking = tracking;
  }

  @Operation(summary = "Rate how your complaint was handled (1-5) after it is closed; once",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
          content = @Content(schema = @Schema(implementation = SurveyForm.class))))
  @PostMapping(path = "/{reference}/survey", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View answer(@PathVariable String reference, @RequestBody Map<String, Object> body,
      @RequestHeader(name = StatusApi.ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = accessCodes.verify(reference, header != null ? header : query);
    AnswerApi.refuseUnknown(body, List.of("rating", "comment"));
    survey.answer(ref, body.get("rating"), body.get("comment"));
    return tracking.view(ref);
  }
}
