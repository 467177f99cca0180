package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.redress.closure.ComplainantAnswers;
import org.redress.complaint.AccessCodes;
import org.redress.problem.FieldError;
import org.redress.problem.SubmissionRefused;
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
public class AnswerApi {

  @Schema(name = "DecisionAnswer")
  public record AnswerForm(@Schema(allowableValues = {"accept", "reject"}) String answer,
      @Schema(maxLength = 4000, description = "Required when rejecting") String reason) {}

  private final AccessCodes accessCodes;
  private final ComplainantAnswers answers;
  private final ComplaintTracking tracking;

  public AnswerApi(AccessCodes accessCodes, ComplainantAnswers answers, ComplaintTracking tracking) {
    this.accessCodes = accessCodes;
    this.answers = answers;
    this.tracking = tracking;
  }

  @Operation(summary = "Accept the decision, or reject it with your reason",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
          content = @Content(schema = @Schema(implementation = AnswerForm.class))))
  @PostMapping(path = "/{reference}/answer", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View answer(@PathVariable String reference, @RequestBody Map<String, Object> body,
      @RequestHeader(name = StatusApi.ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = accessCodes.verify(reference, header != null ? header : query);
    refuseUnknown(body, List.of("answer", "reason"));
    answers.answer(ref, body.get("answer"), body.get("reason"));
    return tracking.view(ref);
  }

  /** Fields that are not part of the form are refused, never silently ignored. */
  public static void refuseUnknown(Map<String, Object> body, List<String> known) {
    List<FieldError> unknown = body.keySet().stream().filter(k -> !known.contains(k)).sorted()
        .map(k -> new FieldError(k, "is not a known field")).toList();
    if (!unknown.isEmpty()) {
      throw new SubmissionRefused(unknown);
    }
  }
}
