package org.redress.privacy;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.problem.RefusedRequest;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A complainant's rights over their data (ISO 10002 4.10), exercised for them by a supervisor:
 * GET exports everything Redress holds about the complaint (as submitted, status, timeline),
 * DELETE erases the complainant's personal data now (the same anonymisation as at the end of the
 * retention period). Staff authenticate with HTTP Basic against Camunda's identity service
 * ({@code security/EngineRestAuthentication}); only supervisors and administrators may do this,
 * and each export or erasure is itself recorded on the complaint's timeline.
 */
@RestController
@RequestMapping("/api/staff/complaints/{reference}/personal-data")
@StaffOnly(value = {Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN}, to = "export or erase a complainant's personal data")
class SubjectAccess {

  private final IdentityService identity;
  private final ComplaintRepository complaints;
  private final PersonalData personalData;
  private final Timeline timeline;
  private final TransactionTemplate transaction;

  SubjectAccess(IdentityService identity, ComplaintRepository complaints, PersonalData personalData,
      Timeline timeline, PlatformTransactionManager transactions) {
    this.identity = identity;
    this.complaints = complaints;
    this.personalData = personalData;
    this.timeline = timeline;
    this.transaction = new TransactionTemplate(transactions);
  }

  @GetMapping
  public ResponseEntity<?> export(@PathVariable String reference) {
    Authentication user = identity.getCurrentAuthentication();
    existing(reference);
    return ResponseEntity.ok(transaction.execute(status -> {
      Map<String, Object> export = personalData.export(reference);
      timeline.record(reference, EventType.PERSONAL_DATA_EXPORTED, user.getUserId(),
          "Complainant's data exported (subject access request)", Map.of(), null, null);
      return export;
    }));
  }

  @DeleteMapping
  public ResponseEntity<?> erase(@PathVariable String reference) {
    Authentication user = identity.getCurrentAuthentication();
    existing(reference);
    // The supervisor's right is checked above; the engine work runs as Redress itself, since
    // deleting history is no supervisor's Camunda permission. The timeline names the supervisor.
    identity.clearAuthentication();
    try {
      boolean erased = Boolean.TRUE.equals(transaction.execute(status -> personalData.anonymise(reference,
          user.getUserId(), EventType.PERSONAL_DATA_ERASED, "Complainant's personal data erased on request")));
      return ResponseEntity.ok(Map.of("reference", reference, "erased", erased,
          "message", erased ? "Personal data erased." : "Personal data had already been anonymised."));
    } finally {
      identity.setAuthentication(user);
    }
  }

  private void existing(String reference) {
    if (complaints.find(reference).isEmpty()) {
      throw RefusedRequest.notFound("No complaint " + reference);
    }
  }
}
