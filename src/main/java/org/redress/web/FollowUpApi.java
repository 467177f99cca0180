package org.redress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redress.complaint.AccessCodes;
import org.redress.intake.Attachments;
import org.redress.tracking.ComplaintTracking;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following a complaint (ISO 10002 7.3) with its reference and access code — header
 * {@code X-Access-Code} or query parameter {@code accessCode}. An unknown reference and a wrong code
 * get the same 404; too many wrong codes for a reference get 429.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints")
class StatusApi {

  public static final String ACCESS_CODE_HEADER = "X-Access-Code";

  private final AccessCodes accessCodes;
  private final ComplaintTracking tracking;
  private final Attachments attachments;

  public StatusApi(AccessCodes accessCodes, ComplaintTracking tracking, Attachments attachments) {
    this.accessCodes = accessCodes;
    this.tracking = tracking;
    this.attachments = attachments;
  }

  @Operation(summary = "Where a complaint stands: stage, next deadline, timeline, letters, decision")
  @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ComplaintTracking.View status(@PathVariable String reference,
      @Parameter(description = "The access code (or use the accessCode query parameter)")
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    return tracking.view(accessCodes.verify(reference, header != null ? header : query));
  }

  @Operation(summary = "Download an attachment of the complaint (always as a download, never shown inline)")
  @GetMapping("/{reference}/attachments/{id}")
  public ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable long id,
      @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String header,
      @RequestParam(name = "accessCode", required = false) String query) {
    String ref = accessCodes.verify(reference, header != null ? header : query);
    Attachments.Content file = attachments.content(ref, id).orElseThrow(AccessCodes.ComplaintNotFound::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(file.bytes());
  }
}
