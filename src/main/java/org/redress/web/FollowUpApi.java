package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.redress.closure.ComplainantAnswers;
import org.redress.closure.DecisionAnswer;
import org.redress.complaint.AccessCodes;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.improvement.SurveyAnswer;
import org.redress.intake.Attachments;
import org.redress.tracking.ComplaintTracking;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following up a complaint with its reference and access code — header {@code X-Access-Code} or query
 * parameter {@code accessCode}: where it stands (ISO 10002 7.3), its files, the answer to the decision
 * (7.9) and, once closed, the satisfaction survey (8.3). An unknown reference and a wrong code get the
 * same 404; too many wrong codes for a reference get 429.
 */
@RestController
@RequestMapping("/api/complaints/{reference}")
@Tag(name = "Complaints")
class FollowUpApi {

  static final String ACCESS_CODE_HEADER = "X-Access-Code";

  private final AccessCodes accessCodes;
  private final ComplaintTracking tracking;
  private final Attachments attachments;
  private final ComplainantAnswers answers;
  private final SatisfactionSurvey survey;

  FollowUpApi(AccessCodes accessCodes, ComplaintTracking tracking, Attachments attachments,
      ComplainantAnswers answers, SatisfactionSurvey survey) {
    this.accessCodes = accessCodes;
    this.tracking = tracking;
    this.attachments = attachments;
    this.answers = answers;
    this.survey = survey;
  }

  @Operation(summary = "Where a complaint stands: stage, next deadline, timeline, letters, decision")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View status(@PathVariable String reference,
      @Parameter(description = "The access code (or use the accessCode query parameter)")
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    return tracking.view(verified(reference, header, query));
  }

  @Operation(summary = "Download an attachment of the complaint (always as a download, never shown inline)")
  @GetMapping("/attachments/{id}")
  public ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable long id,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    Attachments.Content file = attachments.content(verified(reference, header, query), id)
        .orElseThrow(AccessCodes.ComplaintNotFound::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(file.bytes());
  }

  @Operation(summary = "Accept the decision, or reject it with your reason")
  @PostMapping(path = "/answer", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View answer(@PathVariable String reference, @Valid @RequestBody DecisionAnswer answer,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = verified(reference, header, query);
    answers.answer(ref, answer);
    return tracking.view(ref);
  }

  @Operation(summary = "Rate how your complaint was handled (1-5) after it is closed; once")
  @PostMapping(path = "/survey", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View rate(@PathVariable String reference, @Valid @RequestBody SurveyAnswer answer,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = verified(reference, header, query);
    survey.answer(ref, answer);
    return tracking.view(ref);
  }

  /** The complaint's reference once the code (header first, else query) opens it. */
  private String verified(String reference, String header, String query) {
    return accessCodes.verify(reference, header != null ? header : query);
  }
}
