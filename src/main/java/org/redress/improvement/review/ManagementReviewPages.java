package org.redress.improvement.review;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.redress.improvement.StaffAccess;
import org.redress.security.Roles;
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
public class ManagementReviewPages {

  static final Set<String> READERS = Set.of(Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN);

  private final ManagementReviews reviews;
  private final StaffAccess access;

  public ManagementReviewPages(ManagementReviews reviews, StaffAccess access) {
    this.reviews = reviews;
    this.access = access;
  }

  @GetMapping("/api/staff/management-reviews")
  public ResponseEntity<Object> list() {
    ResponseEntity<Object> refused = access.refusal(READERS, "read management reviews");
    return refused != null ? refused : ResponseEntity.ok(reviews.all());
  }

  @GetMapping("/staff/management-reviews/{id}/report.html")
  public ResponseEntity<Object> html(@PathVariable String id) {
    ResponseEntity<Object> refused = access.refusal(READERS, "read management reviews");
    if (refused != null) {
      return refused;
    }
    if (!id.matches("\\d{1,18}")) {
      return StaffAccess.invalid("id", "must be a number");
    }
    return reviews.html(Long.parseLong(id)).<ResponseEntity<Object>>map(html -> ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html))
        .orElseGet(() -> StaffAccess.notFound("No report for management review " + id));
  }

  @GetMapping("/staff/management-reviews/{id}/report.pdf")
  public ResponseEntity<Object> pdf(@PathVariable String id) {
    ResponseEntity<Object> refused = access.refusal(READERS, "read management reviews");
    if (refused != null) {
      return refused;
    }
    if (!id.matches("\\d{1,18}")) {
      return StaffAccess.invalid("id", "must be a number");
    }
    return reviews.pdf(Long.parseLong(id)).<ResponseEntity<Object>>map(pdf -> ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("management-review-" + id + ".pdf").build().toString())
            .body(pdf))
        .orElseGet(() -> StaffAccess.notFound("No report for management review " + id));
  }
}
