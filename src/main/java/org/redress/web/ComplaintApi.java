package org.redress.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.redress.complaint.Channel;
import org.redress.intake.Attachment;
import org.redress.intake.ComplaintForm;
import org.redress.intake.ComplaintIntake;
import org.redress.problem.FormBinding;
import org.redress.problem.SubmissionRefused;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Submitting a complaint through the API (ISO 10002 7.2): JSON, or multipart with attachments.
 * Answers 201 with the reference and the secret access code (shown this once) and where to follow
 * the complaint. Every refused field comes back at once as application/problem+json.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "Submit, follow and answer a complaint without an account (ISO 10002 7.2-7.9, 8.3)")
class ComplaintApi {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The 201 answer. */
  public record Submitted(String reference, String accessCode, String statusUrl, String statusPageUrl) {}

  private final ComplaintIntake intake;
  private final FormBinding binding;
  private final ObjectMapper json;

  ComplaintApi(ComplaintIntake intake, FormBinding binding, ObjectMapper json) {
    this.intake = intake;
    this.binding = binding;
    this.json = json;
  }

  @Operation(summary = "Submit a complaint (JSON)",
      responses = {
          @ApiResponse(responseCode = "201", description = "Recorded; the access code is shown only now"),
          @ApiResponse(responseCode = "400", description = "Refused fields",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another request",
              content = @Content(mediaType = "application/problem+json"))})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Submitted> submit(@Valid @RequestBody ComplaintForm complaint,
      @Parameter(description = "Any unique string up to 200 characters; a retry with the same key and body returns the same complaint")
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    ComplaintIntake.Receipt receipt = intake.submit(new FormBinding.Bound<>(complaint, List.of()), Channel.API,
        List.of(), idempotency(idempotencyKey, complaint, List.of()));
    return created(receipt);
  }

  @Operation(summary = "Submit a complaint with attachments (multipart)",
      description = "Part 'complaint': the JSON complaint form. Parts 'attachments': up to 5 PDF, PNG or JPEG files of at most 10 MB each.")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Submitted> submitWithAttachments(@RequestPart("complaint") String complaintJson,
      @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
    FormBinding.Bound<ComplaintForm> complaint = parse(complaintJson);
    List<Attachment> attachments = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      attachments.add(new Attachment(file.getOriginalFilename(), file.getBytes()));
    }
    ComplaintIntake.Receipt receipt = intake.submit(complaint, Channel.API, attachments,
        idempotency(idempotencyKey, complaint.form(), attachments));
    return created(receipt);
  }

  private ResponseEntity<Submitted> created(ComplaintIntake.Receipt receipt) {
    URI status = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/complaints/{reference}")
        .buildAndExpand(receipt.reference()).toUri();
    String page = ServletUriComponentsBuilder.fromCurrentContextPath().path("/complaints/status")
        .queryParam("reference", receipt.reference()).build().encode().toUriString(); // never the code in an address
    return ResponseEntity.created(status)
        .body(new Submitted(receipt.reference(), receipt.accessCode(), status.toString(), page));
  }

  /** The part "complaint": a JSON object read as the complaint form, with every refused field. */
  private FormBinding.Bound<ComplaintForm> parse(String complaintJson) {
    try {
      JsonNode value = json.readTree(complaintJson);
      if (value != null && value.isObject()) {
        return binding.bind(value, ComplaintForm.class);
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    throw SubmissionRefused.of("complaint", "must be a JSON object with the fields of the complaint form");
  }

  /** The key and the hash of what was sent (the form as read, so key order and spacing do not matter). */
  private ComplaintIntake.Idempotency idempotency(String key, ComplaintForm complaint, List<Attachment> files) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw SubmissionRefused.of(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(json.writeValueAsBytes(complaint));
      for (Attachment file : files) {
        digest.update(String.valueOf(file.fileName()).getBytes(StandardCharsets.UTF_8));
        digest.update(file.content());
      }
      return new ComplaintIntake.Idempotency(key, HexFormat.of().formatHex(digest.digest()));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
