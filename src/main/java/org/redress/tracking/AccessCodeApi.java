package org.redress.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.problem.RefusedRequest;
import org.redress.security.NamedStaff;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A complainant lost their access code (7.3): a member of staff issues a new one from the
 * complaint — {@code POST /api/staff/complaints/{reference}/access-code} — and reads it out or
 * posts it. The answer shows the code this once (not cached); only its hash is kept, the earlier
 * code stops working, and the timeline records who issued one, never the code. Staff the complaint
 * names may not (objectivity, 4.7).
 */
@RestController
@StaffOnly(value = {Roles.HANDLERS, Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN}, to = "issue access codes to complainants")
class AccessCodeApi {

  private final AccessCodes accessCodes;
  private final ComplaintRepository complaints;
  private final NamedStaff namedStaff;
  private final Timeline timeline;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  AccessCodeApi(AccessCodes accessCodes, ComplaintRepository complaints, NamedStaff namedStaff, Timeline timeline,
      IdentityService identity, PlatformTransactionManager transactions) {
    this.accessCodes = accessCodes;
    this.complaints = complaints;
    this.namedStaff = namedStaff;
    this.timeline = timeline;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  @PostMapping("/api/staff/complaints/{reference}/access-code")
  ResponseEntity<Map<String, Object>> issue(@PathVariable String reference) {
    String user = identity.getCurrentAuthentication().getUserId();
    if (complaints.find(reference).isEmpty()) {
      throw RefusedRequest.notFound("There is no complaint with this reference.");
    }
    if (namedStaff.isNamed(reference, user)) {
      throw new RefusedRequest(HttpStatus.FORBIDDEN, "objectivity", "Not for you",
          "You are named in this complaint; a colleague who is not named must issue the new code.");
    }
    String code = transaction.execute(status -> {
      String issued = accessCodes.issue(reference);
      timeline.record(reference, EventType.ACCESS_CODE_ISSUED, user,
          "New access code issued by staff; the earlier code no longer works", Map.of(), null, null);
      return issued;
    });
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("reference", reference);
    answer.put("accessCode", code);
    answer.put("message", "Give the complainant this code now: read it out or post it. It is shown only this once;"
        + " the earlier code no longer works.");
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer);
  }
}
