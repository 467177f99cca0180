package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.redress.closure.ComplainantAnswers;
import org.redress.closure.DecisionAnswer;
import org.redress.complaint.AccessCodes;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.improvement.SurveyAnswer;
import org.redress.intake.AddedInformation;
import org.redress.intake.Attachments;
import org.redress.problem.SubmissionRefused;
import org.redress.problem.Text;
import org.redress.tracking.CodeRecovery;
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
 * Following up a complaint with its reference and access code — header {@code X-Access-Code} only, never
 * in the address (a query parameter {@code accessCode} is refused with 400): where it stands (ISO 10002
 * 7.3), its files, more information while it is open, the answer to the decision (7.9) and, once closed,
 * the satisfaction survey (8.3). An unknown reference and a wrong code get the same 404; too many wrong
 * codes from one client (or from everybody) get 429 — a correct code never does. A lost code: {@code POST
 * /api/complaints/access-code-requests}.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints")
class FollowUpApi {

  static final String ACCESS_CODE_HEADER = "X-Access-Code";

  private final AccessCodes accessCodes;
  private final ComplaintTracking tracking;
  private final Attachments attachments;
  private final ComplainantAnswers answers;
  private final SatisfactionSurvey survey;
  private final AddedInformation information;
  private final CodeRecovery recovery;

  FollowUpApi(AccessCodes accessCodes, ComplaintTracking tracking, Attachments attachments,
      ComplainantAnswers answers, SatisfactionSurvey survey, AddedInformation information, CodeRecovery recovery) {
    this.information = information;
    this.recovery = recovery;
    this.accessCodes = accessCodes;
    this.tracking = tracking;
    this.attachments = attachments;
    this.answers = answers;
    this.survey = survey;
  }

  @Operation(summary = "Where a complaint stands: stage, next deadline, timeline, letters, decision")
  @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View status(@PathVariable String reference,
      @Parameter(description = "The access code")
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query, HttpServletRequest request) {
    return tracking.view(verified(reference, header, query, request));
  }

  @Operation(summary = "Download an attachment of the complaint (always as a download, never shown inline)")
  @GetMapping("/{reference}/attachments/{id}")
  public ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable long id,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query, HttpServletRequest request) {
    Attachments.Content file = attachments.content(verified(reference, header, query, request), id)
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
  @PostMapping(path = "/{reference}/answer", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View answer(@PathVariable String reference, @Valid @RequestBody DecisionAnswer answer,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query, HttpServletRequest request) {
    String ref = verified(reference, header, query, request);
    answers.answer(ref, answer);
    return tracking.view(ref);
  }

  @Operation(summary = "Rate how your complaint was handled (1-5) after it is closed; once")
  @PostMapping(path = "/{reference}/survey", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View rate(@PathVariable String reference, @Valid @RequestBody SurveyAnswer answer,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query, HttpServletRequest request) {
    String ref = verified(reference, header, query, request);
    survey.answer(ref, answer);
    return tracking.view(ref);
  }

  @Operation(summary = "Add information (text) to your complaint while it is open; files: the status page")
  @PostMapping(path = "/{reference}/information", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View addInformation(@PathVariable String reference,
      @Valid @RequestBody MoreInformation body,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query, HttpServletRequest request) {
    String ref = verified(reference, header, query, request);
    information.add(ref, body.information(), java.util.List.of());
    return tracking.view(ref);
  }

  /** More information from the complainant. */
  public record MoreInformation(@Text(required = true, max = AddedInformation.MAX_TEXT) String information) {}

  @Operation(summary = "Lost your access code? A new one goes to the e-mail address on file, if reference and "
      + "e-mail address match; the answer is 202 either way")
  @PostMapping(path = "/access-code-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> requestNewCode(@Valid @RequestBody NewCodeRequest body, HttpServletRequest request) {
    recovery.request(body.reference(), body.email(), request.getRemoteAddr());
    return ResponseEntity.accepted().build();
  }

  /** Reference and the e-mail address given with the complaint. */
  public record NewCodeRequest(@Text(required = true, max = 20) String reference,
      @Text(required = true, max = 320) String email) {}

  /** The complaint's reference once the code in the header opens it; a code in the address is refused. */
  private String verified(String reference, String header, String query, HttpServletRequest request) {
    if (query != null) {
      throw SubmissionRefused.of("accessCode", "must be sent in the X-Access-Code header, never in the address");
    }
    return accessCodes.verify(reference, header, request.getRemoteAddr());
  }
}
