package org.redress.classification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.redress.problem.FieldError;
import org.redress.problem.RefusedRequest;
import org.redress.problem.SubmissionRefused;
import org.redress.security.Roles;
import org.redress.security.StaffOnly;
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
@StaffOnly(to = "read code lists")
class CodeListApi {

  static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final CodeLists codeLists;
  CodeListApi(CodeLists codeLists) {
    this.codeLists = codeLists;
  }

  @GetMapping
  public ResponseEntity<Object> list(@PathVariable String list) {
    if (!CodeLists.LISTS.contains(list)) {
      throw unknownList(list);
    }
    return ResponseEntity.ok(codeLists.all(list));
  }

  @PostMapping
  @StaffOnly(value = {Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "change code lists")
  public ResponseEntity<Object> add(@PathVariable String list, @RequestBody JsonNode body) {
    if (!CodeLists.LISTS.contains(list)) {
      throw unknownList(list);
    }
    if (!body.isObject()) {
      throw SubmissionRefused.of("body", "must be a JSON object");
    }
    String code = body.path("code").isTextual() ? body.path("code").asText().strip() : null;
    if (code == null || code.isEmpty()) {
      throw SubmissionRefused.of("code", "is required");
    }
    if (code.length() > 40 || !CODE.matcher(code).matches()) {
      throw SubmissionRefused.of("code", "must be lower-case letters and digits joined by hyphens, at most 40 characters");
    }
    if (codeLists.find(list, code).isPresent()) {
      throw new RefusedRequest(HttpStatus.CONFLICT, "already-exists", "Already exists",
          "The code " + code + " is already in the list " + list + "; change it with PUT.",
          List.of(new FieldError("code", "already exists")));
    }
    checkFields(body, true);
    CodeLists.Entry entry = new CodeLists.Entry(code, body.path("label").asText().strip(),
        !body.has("active") || body.path("active").asBoolean(), body.path("sortOrder").asInt(500));
    codeLists.add(list, entry);
    return ResponseEntity.status(HttpStatus.CREATED).body(entry);
  }

  @PutMapping("/{code}")
  @StaffOnly(value = {Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "change code lists")
  public ResponseEntity<Object> update(@PathVariable String list, @PathVariable String code, @RequestBody JsonNode body) {
    if (!CodeLists.LISTS.contains(list)) {
      throw unknownList(list);
    }
    CodeLists.Entry existing = codeLists.find(list, code).orElse(null);
    if (existing == null) {
      throw RefusedRequest.notFound("No code " + code + " in the list " + list + ".");
    }
    if (!body.isObject()) {
      throw SubmissionRefused.of("body", "must be a JSON object");
    }
    checkFields(body, false);
    CodeLists.Entry entry = new CodeLists.Entry(code,
        body.has("label") ? body.path("label").asText().strip() : existing.label(),
        body.has("active") ? body.path("active").asBoolean() : existing.active(),
        body.has("sortOrder") ? body.path("sortOrder").asInt() : existing.sortOrder());
    codeLists.update(list, entry);
    return ResponseEntity.ok(entry);
  }

  private static void checkFields(JsonNode body, boolean labelRequired) {
    JsonNode label = body.path("label");
    if (labelRequired && (!label.isTextual() || label.asText().isBlank())) {
      throw SubmissionRefused.of("label", "is required");
    }
    if (body.has("label") && (!label.isTextual() || label.asText().isBlank() || label.asText().strip().length() > 200)) {
      throw SubmissionRefused.of("label", "must be text of 1 to 200 characters");
    }
    if (body.has("active") && !body.path("active").isBoolean()) {
      throw SubmissionRefused.of("active", "must be true or false");
    }
    if (body.has("sortOrder") && !body.path("sortOrder").canConvertToInt()) {
      throw SubmissionRefused.of("sortOrder", "must be a whole number");
    }
    if (body.has("sortOrder") && !body.path("sortOrder").isIntegralNumber()) {
      throw SubmissionRefused.of("sortOrder", "must be a whole number");
    }
  }

  private static RefusedRequest unknownList(String list) {
    String lists = String.join(", ", CodeLists.LISTS.stream().sorted().toList());
    return new RefusedRequest(HttpStatus.NOT_FOUND, "not-found", "Not found",
        "No code list " + list + "; the lists are " + lists + ".", List.of(new FieldError("list", "must be one of " + lists)));
  }
}
