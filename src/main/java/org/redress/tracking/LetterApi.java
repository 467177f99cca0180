package org.redress.tracking;

import org.redress.notification.Letters;
import org.redress.problem.RefusedRequest;
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
 * The letter a "Send letter" task asks staff to post, as a printable PDF (7.3, 7.8):
 * {@code GET /api/staff/complaints/{reference}/letters/{letter}}, e.g. {@code .../letters/decision} —
 * the latest letter of that kind, in the complainant's language. Linked from the task's form.
 */
@RestController
@StaffOnly(value = {Roles.HANDLERS, Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN}, to = "print letters to complainants")
class LetterApi {

  private final Letters letters;

  LetterApi(Letters letters) {
    this.letters = letters;
  }

  @GetMapping("/api/staff/complaints/{reference}/letters/{letter}")
  ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable String letter) {
    byte[] pdf = letters.pdf(reference, letter).orElseThrow(() -> RefusedRequest.notFound(
        "No such letter is due for this complaint."));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(reference + "-" + letter + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }
}
