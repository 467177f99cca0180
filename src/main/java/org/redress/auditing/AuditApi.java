package org.redress.auditing;

import org.redress.complaint.ComplaintRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' API (ISO 10002 8.5, 4.12), used by the Cockpit plugin and by scripts: search
 * complaints, read a complaint's full history and verify its timeline. Auditors and administrators
 * only ({@link AuditorAccess}); Camunda's history is read under the caller's own authorizations.
 */
@RestController
@RequestMapping("/api/staff/audit")
public class AuditApi {

  private final AuditorAccess access;
  private final ComplaintSearch search;
  private final ComplaintHistory history;
  private final VerifyTimeline verify;
  private final ComplaintRepository complaints;
  private final AuditReviews reviews;

  public AuditApi(AuditorAccess access, ComplaintSearch search, ComplaintHistory history, VerifyTimeline verify,
      ComplaintRepository complaints, AuditReviews reviews) {
    this.reviews = reviews;
    this.access = access;
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
    AuditorAccess.Auditor caller = access.require();
    return search.search(new ComplaintSearch.Query(reference, name, status, stage, channel, category, receivedFrom,
        receivedTo, overdue, state, number("page", page), number("size", size)), caller);
  }

  @GetMapping("/complaints/{reference}/history")
  public ComplaintHistory.History history(@PathVariable String reference) {
    AuditorAccess.Auditor caller = access.require();
    return history.of(existing(reference), caller.seesPersonalData());
  }

  @GetMapping("/complaints/{reference}/verification")
  public VerifyTimeline.Verification verification(@PathVariable String reference) {
    access.require();
    return verify.verify(existing(reference));
  }

  /** Results of audit sampling (8.5) reviewed between the dates (inclusive). */
  @GetMapping("/reviews")
  public AuditReviews.Report reviews(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    access.require();
    return reviews.report(from, to);
  }

  @GetMapping(value = "/reviews.csv", produces = "text/csv")
  public org.springframework.http.ResponseEntity<String> reviewsCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    access.require();
    return org.springframework.http.ResponseEntity.ok()
        .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
            .attachment().filename("audit-reviews.csv").build().toString())
        .body(reviews.csv(reviews.report(from, to)));
  }

  String existing(String reference) {
    if (complaints.find(reference).isEmpty()) {
      throw new AuditProblems.ComplaintNotFound(reference);
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
      throw new AuditProblems.InvalidQuery(field, "must be a whole number");
    }
  }
}
