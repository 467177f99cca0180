package org.redress.improvement.classification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.redress.improvement.StaffAccess;
import org.redress.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The code lists (8.2) for process owners: read by every staff member, extended by process owners.
 * Entries are deactivated ({@code "active": false}), never deleted.
 * <pre>
 * GET  /api/staff/code-lists/{list}           → [{code, label, active, sortOrder}]
 * POST /api/staff/code-lists/{list}           {code, label, sortOrder?, active?} → 201
 * PUT  /api/staff/code-lists/{list}/{code}    {label?, sortOrder?, active?}     → 200
 * </pre>
 */
@RestController
@RequestMapping("/api/staff/code-lists/{list}")
public class CodeListApi {

  static final Set<String> EDITORS = Set.of(Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN);
  static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final CodeLists codeLists;
  private final StaffAccess access;

  public CodeListApi(CodeLists codeLists, StaffAccess access) {
    this.codeLists = codeLists;
    this.access = access;
  }

  @GetMapping
  public ResponseEntity<Object> list(@PathVariable String list) {
    ResponseEntity<Object> refused = access.refusal(null, "read code lists");
    if (refused != null) {
      return refused;
    }
    if (!CodeLists.LISTS.contains(list)) {
      return unknownList(list);
    }
    return ResponseEntity.ok(codeLists.all(list));
  }

  @PostMapping
  public ResponseEntity<Object> add(@PathVariable String list, @RequestBody JsonNode body) {
    ResponseEntity<Object> refused = access.refusal(EDITORS, "change code lists");
    if (refused != null) {
      return refused;
    }
    if (!CodeLists.LISTS.contains(list)) {
      return unknownList(list);
    }
    if (!body.isObject()) {
      return StaffAccess.invalid("body", "must be a JSON object");
    }
    String code = body.path("code").isTextual() ? body.path("code").asText().strip() : null;
    if (code == null || code.isEmpty()) {
      return StaffAccess.invalid("code", "is required");
    }
    if (code.length() > 40 || !CODE.matcher(code).matches()) {
      return StaffAccess.invalid("code", "must be lower-case letters and digits joined by hyphens, at most 40 characters");
    }
    if (codeLists.find(list, code).isPresent()) {
      return StaffAccess.problem(HttpStatus.CONFLICT, "Already exists",
          "The code " + code + " is already in the list " + list + "; change it with PUT.",
          List.of(Map.of("field", "code", "reason", "already exists")));
    }
    ResponseEntity<Object> invalid = checkFields(body, true);
    if (invalid != null) {
      return invalid;
    }
    CodeLists.Entry entry = new CodeLists.Entry(code, body.path("label").asText().strip(),
        !body.has("active") || body.path("active").asBoolean(), body.path("sortOrder").asInt(500));
    codeLists.add(list, entry);
    return ResponseEntity.status(HttpStatus.CREATED).body(entry);
  }

  @PutMapping("/{code}")
  public ResponseEntity<Object> update(@PathVariable String list, @PathVariable String code, @RequestBody JsonNode body) {
    ResponseEntity<Object> refused = access.refusal(EDITORS, "change code lists");
    if (refused != null) {
      return refused;
    }
    if (!CodeLists.LISTS.contains(list)) {
      return unknownList(list);
    }
    CodeLists.Entry existing = codeLists.find(list, code).orElse(null);
    if (existing == null) {
      return StaffAccess.notFound("No code " + code + " in the list " + list + ".");
    }
    if (!body.isObject()) {
      return StaffAccess.invalid("body", "must be a JSON object");
    }
    ResponseEntity<Object> invalid = checkFields(body, false);
    if (invalid != null) {
      return invalid;
    }
    CodeLists.Entry entry = new CodeLists.Entry(code,
        body.has("label") ? body.path("label").asText().strip() : existing.label(),
        body.has("active") ? body.path("active").asBoolean() : existing.active(),
        body.has("sortOrder") ? body.path("sortOrder").asInt() : existing.sortOrder());
    codeLists.update(list, entry);
    return ResponseEntity.ok(entry);
  }

  private static ResponseEntity<Object> checkFields(JsonNode body, boolean labelRequired) {
    JsonNode label = body.path("label");
    if (labelRequired && (!label.isTextual() || label.asText().isBlank())) {
      return StaffAccess.invalid("label", "is required");
    }
    if (body.has("label") && (!label.isTextual() || label.asText().isBlank() || label.asText().strip().length() > 200)) {
      return StaffAccess.invalid("label", "must be text of 1 to 200 characters");
    }
    if (body.has("active") && !body.path("active").isBoolean()) {
      return StaffAccess.invalid("active", "must be true or false");
    }
    if (body.has("sortOrder") && !body.path("sortOrder").canConvertToInt()) {
      return StaffAccess.invalid("sortOrder", "must be a whole number");
    }
    if (body.has("sortOrder") && !body.path("sortOrder").isIntegralNumber()) {
      return StaffAccess.invalid("sortOrder", "must be a whole number");
    }
    return null;
  }

  private static ResponseEntity<Object> unknownList(String list) {
    return StaffAccess.problem(HttpStatus.NOT_FOUND, "Not found",
        "No code list " + list + "; the lists are " + String.join(", ", CodeLists.LISTS.stream().sorted().toList()) + ".",
        List.of(Map.of("field", "list", "reason", "must be one of " + String.join(", ", CodeLists.LISTS.stream().sorted().toList()))));
  }
}
