package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.redress.complaint.AccessCodes;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.improvement.SurveyAnswer;
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
class SurveyApi {

  private final AccessCodes accessCodes;
  private final SatisfactionSurvey survey;
  private final ComplaintTracking tracking;

  SurveyApi(AccessCodes accessCodes, SatisfactionSurvey survey, ComplaintTracking tracking) {
    this.accessCodes = accessCodes;
    this.survey = survey;
    this.tracking = tracking;
  }

  @Operation(summary = "Rate how your complaint was handled (1-5) after it is closed; once")
  @PostMapping(path = "/{reference}/survey", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View answer(@PathVariable String reference, @Valid @RequestBody SurveyAnswer answer,
      @RequestHeader(name = StatusApi.ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = accessCodes.verify(reference, header != null ? header : query);
    survey.answer(ref, answer);
    return tracking.view(ref);
  }
}
