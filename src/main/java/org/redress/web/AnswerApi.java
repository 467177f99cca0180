package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.redress.closure.ComplainantAnswers;
import org.redress.closure.DecisionAnswer;
import org.redress.complaint.AccessCodes;
import org.redress.tracking.ComplaintTracking;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The complainant accepts the decision, or rejects it with a reason (ISO 10002 7.9). */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints")
class AnswerApi {

  private final AccessCodes accessCodes;
  private final ComplainantAnswers answers;
  private final ComplaintTracking tracking;

  AnswerApi(AccessCodes accessCodes, ComplainantAnswers answers, ComplaintTracking tracking) {
    this.accessCodes = accessCodes;
    this.answers = answers;
    this.tracking = tracking;
  }

  @Operation(summary = "Accept the decision, or reject it with your reason")
  @PostMapping(path = "/{reference}/answer", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View answer(@PathVariable String reference, @Valid @RequestBody DecisionAnswer answer,
      @RequestHeader(name = StatusApi.ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = accessCodes.verify(reference, header != null ? header : query);
    answers.answer(ref, answer);
    return tracking.view(ref);
  }
}
