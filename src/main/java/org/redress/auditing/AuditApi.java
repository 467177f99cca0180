package org.redress.auditing;

import org.redress.complaint.ComplaintRepository;
import org.redress.problem.RefusedRequest;
import org.redress.problem.SubmissionRefused;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;
import org.redress.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' API (ISO 10002 8.5, 4.12), used by the Cockpit plugin and by scripts: search
 * complaints, read a complaint's full history and verify its timeline. Auditors and administrators
 * only; Camunda's history is read under the caller's own authorizations.
 */
@RestController
@RequestMapping("/api/staff/audit")
@StaffOnly(value = {Roles.AUDITORS, Roles.CAMUNDA_ADMIN}, to = "read the audit trail of complaints")
class AuditApi {

  private final StaffCaller staff;
  private final ComplaintSearch search;
  private final ComplaintHistory history;
  private final VerifyTimeline verify;
  private final ComplaintRepository complaints;
  private final AuditReviews reviews;

  AuditApi(StaffCaller staff, ComplaintSearch search, ComplaintHistory history, VerifyTimeline verify,
      ComplaintRepository complaints, AuditReviews reviews) {
    this.reviews = reviews;
    this.staff = staff;
    this.search = search;
    this.history = history;
    this.verify = verify;
    this.complaints = complaints;
  }

  @GetMapping("/complaints")
  public ComplaintSearch.Page complaints(@RequestParam(required = false) String reference,
      @RequestParam(required = false) String name, @RequestParam(required = false) String status,
      @RequestParam(required = false) String stage, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String category, @RequestParam(required = false) String receivedFrom,
      @RequestParam(required = false) String receivedTo, @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String state, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    Auditor caller = Auditor.of(staff.required());
    return search.search(new ComplaintSearch.Query(reference, name, status, stage, channel, category, receivedFrom,
        receivedTo, overdue, state, number("page", page), number("size", size)), caller);
  }

  /** The search's choices with their labels, so the plugin shows words and sends codes. */
  @GetMapping("/choices")
  public ComplaintSearch.Choices choices() {
    return search.choices();
  }

  @GetMapping("/complaints/{reference}/history")
  public ComplaintHistory.History history(@PathVariable String reference) {
    Auditor caller = Auditor.of(staff.required());
    return history.of(existing(reference), caller.seesPersonalData());
  }

  @GetMapping("/complaints/{reference}/verification")
  public VerifyTimeline.Verification verification(@PathVariable String reference) {
    return verify.verify(existing(reference));
  }

  /** Results of audit sampling (8.5) reviewed between the dates (inclusive). */
  @GetMapping("/reviews")
  public AuditReviews.Report reviews(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return reviews.report(from, to);
  }

  @GetMapping(value = "/reviews.csv", produces = "text/csv")
  public org.springframework.http.ResponseEntity<String> reviewsCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
            .attachment().filename("audit-reviews.csv").build().toString())
        .body(reviews.csv(reviews.report(from, to)));
  }

  String existing(String reference) {
    if (complaints.find(reference).isEmpty()) {
      throw RefusedRequest.notFound("No complaint " + reference);
    }
    return reference;
  }

  private static Integer number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw SubmissionRefused.of(field, "must be a whole number");
    }
  }
}
