package org.redress.classification;

import jakarta.validation.Valid;
import java.util.List;
import org.redress.problem.FieldError;
import org.redress.problem.RefusedRequest;
import org.redress.problem.Text;
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

  /** A new entry of a code list. */
  record NewEntry(
      @Text(required = true, pattern = "(?=.{1,40}$)[a-z0-9]+(-[a-z0-9]+)*",
          patternReason = "must be lower-case letters and digits joined by hyphens, at most 40 characters") String code,
      @Text(required = true, max = 200) String label,
      Integer sortOrder,
      Boolean active) {}

  /** What changes in an entry; what is left out stays as it is. */
  record EntryChange(@Text(max = 200) String label, Integer sortOrder, Boolean active) {}

  @PostMapping
  @StaffOnly(value = {Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "change code lists")
  public ResponseEntity<Object> add(@PathVariable String list, @Valid @RequestBody NewEntry body) {
    if (!CodeLists.LISTS.contains(list)) {
      throw unknownList(list);
    }
    String code = body.code();
    if (codeLists.find(list, code).isPresent()) {
      throw new RefusedRequest(HttpStatus.CONFLICT, "already-exists", "Already exists",
          "The code " + code + " is already in the list " + list + "; change it with PUT.",
          List.of(new FieldError("code", "already exists")));
    }
    CodeLists.Entry entry = new CodeLists.Entry(code, body.label(), body.active() == null || body.active(),
        body.sortOrder() == null ? 500 : body.sortOrder());
    codeLists.add(list, entry);
    return ResponseEntity.status(HttpStatus.CREATED).body(entry);
  }

  @PutMapping("/{code}")
  @StaffOnly(value = {Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN}, to = "change code lists")
  public ResponseEntity<Object> update(@PathVariable String list, @PathVariable String code,
      @Valid @RequestBody EntryChange body) {
    if (!CodeLists.LISTS.contains(list)) {
      throw unknownList(list);
    }
    CodeLists.Entry existing = codeLists.find(list, code).orElse(null);
    if (existing == null) {
      throw RefusedRequest.notFound("No code " + code + " in the list " + list + ".");
    }
    CodeLists.Entry entry = new CodeLists.Entry(code,
        body.label() == null ? existing.label() : body.label(),
        body.active() == null ? existing.active() : body.active(),
        body.sortOrder() == null ? existing.sortOrder() : body.sortOrder());
    codeLists.update(list, entry);
    return ResponseEntity.ok(entry);
  }

  private static RefusedRequest unknownList(String list) {
    String lists = String.join(", ", CodeLists.LISTS.stream().sorted().toList());
    return new RefusedRequest(HttpStatus.NOT_FOUND, "not-found", "Not found",
        "No code list " + list + "; the lists are " + lists + ".", List.of(new FieldError("list", "must be one of " + lists)));
  }
}
