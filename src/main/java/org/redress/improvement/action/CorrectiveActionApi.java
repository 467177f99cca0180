package org.redress.improvement.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.problem.RefusedRequest;
import org.redress.problem.SubmissionRefused;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrective actions for management, process owners, supervisors and auditors (8.7):
 * <pre>
 * GET /api/staff/corrective-actions?status=OPEN       → [{id, causeKind, causeCode, status, title, …}]
 * GET /api/staff/corrective-actions/{id}              → the action with its linked complaints
 * GET /api/staff/complaints/{reference}/corrective-actions → the open actions a complaint is linked to
 * </pre>
 */
@RestController
@RequestMapping("/api/staff")
@StaffOnly(value = {Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.SUPERVISORS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN},
    to = "read corrective actions")
class CorrectiveActionApi {
  static final Set<String> STATUSES = Set.of(CorrectiveAction.PROPOSED, CorrectiveAction.DECLINED, CorrectiveAction.OPEN,
      CorrectiveAction.IMPLEMENTED, CorrectiveAction.CLOSED, CorrectiveAction.REOPENED);

  private final CorrectiveActions actions;
  CorrectiveActionApi(CorrectiveActions actions) {
    this.actions = actions;
  }

  @GetMapping("/corrective-actions")
  public ResponseEntity<Object> list(@RequestParam(required = false) String status) {
    if (status != null && !STATUSES.contains(status)) {
      throw SubmissionRefused.of("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
    }
    return ResponseEntity.ok(actions.list(status));
  }

  @GetMapping("/corrective-actions/{id}")
  public ResponseEntity<Object> one(@PathVariable String id) {
    if (!id.matches("\\d{1,18}")) {
      throw SubmissionRefused.of("id", "must be a number");
    }
    return actions.find(Long.parseLong(id)).<ResponseEntity<Object>>map(a -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("action", a);
      body.put("complaints", actions.linkedReferences(a.id()));
      return ResponseEntity.ok(body);
    }).orElseThrow(() -> RefusedRequest.notFound("No corrective action " + id));
  }

  @GetMapping("/complaints/{reference}/corrective-actions")
  public ResponseEntity<Object> ofComplaint(@PathVariable String reference) {
    List<CorrectiveAction> open = actions.openForComplaint(reference);
    return ResponseEntity.ok(open);
  }
}
