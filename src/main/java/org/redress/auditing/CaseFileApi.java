package org.redress.auditing;

import java.nio.charset.StandardCharsets;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;
import org.redress.security.StaffOnly;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file of a complaint: as JSON (the technical record), and as a readable document in
 * printable HTML and PDF; auditors and administrators only.
 */
@RestController
@RequestMapping("/api/staff/audit/complaints/{reference}")
@StaffOnly(value = {Roles.AUDITORS, Roles.CAMUNDA_ADMIN}, to = "read the audit trail of complaints")
class CaseFileApi {

  private final StaffCaller staff;
  private final CaseFile caseFile;
  private final ReadableCaseFiles readable;
  private final CaseFileDocuments documents;

  CaseFileApi(StaffCaller staff, CaseFile caseFile, ReadableCaseFiles readable, CaseFileDocuments documents) {
    this.staff = staff;
    this.caseFile = caseFile;
    this.readable = readable;
    this.documents = documents;
  }

  @GetMapping(value = "/case-file", produces = MediaType.APPLICATION_JSON_VALUE)
  public CaseFile.Document json(@PathVariable String reference) {
    return caseFile.of(reference, Auditor.of(staff.required()));
  }

  @GetMapping(value = "/case-file.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CaseFile.Document> jsonDownload(@PathVariable String reference) {
    CaseFile.Document file = caseFile.of(reference, Auditor.of(staff.required()));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(reference, "json")).body(file);
  }

  @GetMapping(value = "/case-file.html", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> html(@PathVariable String reference) {
    ReadableCaseFile file = readable.of(reference, Auditor.of(staff.required()));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(documents.html(file));
  }

  @GetMapping(value = "/case-file.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> pdf(@PathVariable String reference) {
    ReadableCaseFile file = readable.of(reference, Auditor.of(staff.required()));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(reference, "pdf")).body(documents.pdf(file));
  }

  private static String attachment(String reference, String extension) {
    return ContentDisposition.attachment().filename("case-file-" + reference + "." + extension).build().toString();
  }
}
