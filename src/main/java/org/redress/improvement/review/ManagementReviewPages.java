package org.redress.improvement.review;

import java.nio.charset.StandardCharsets;
import org.redress.problem.RefusedRequest;
import org.redress.problem.SubmissionRefused;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored management review reports (8.6) for management, process owners and auditors:
 * {@code /staff/management-reviews/{id}/report.html} and {@code .pdf}, and the list of reviews as
 * JSON at {@code /api/staff/management-reviews}.
 */
@RestController
@StaffOnly(value = {Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN},
    to = "read management reviews")
class ManagementReviewPages {

  private final ManagementReviews reviews;

  ManagementReviewPages(ManagementReviews reviews) {
    this.reviews = reviews;
  }

  @GetMapping("/api/staff/management-reviews")
  public ResponseEntity<Object> list() {
    return ResponseEntity.ok(reviews.all());
  }

  @GetMapping("/staff/management-reviews/{id}/report.html")
  public ResponseEntity<Object> html(@PathVariable String id) {
    if (!id.matches("\\d{1,18}")) {
      throw SubmissionRefused.of("id", "must be a number");
    }
    return reviews.html(Long.parseLong(id)).<ResponseEntity<Object>>map(html -> ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html))
        .orElseThrow(() -> RefusedRequest.notFound("No report for management review " + id));
  }

  @GetMapping("/staff/management-reviews/{id}/report.pdf")
  public ResponseEntity<Object> pdf(@PathVariable String id) {
    if (!id.matches("\\d{1,18}")) {
      throw SubmissionRefused.of("id", "must be a number");
    }
    return reviews.pdf(Long.parseLong(id)).<ResponseEntity<Object>>map(pdf -> ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("management-review-" + id + ".pdf").build().toString())
            .body(pdf))
        .orElseThrow(() -> RefusedRequest.notFound("No report for management review " + id));
  }
}
