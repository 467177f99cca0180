package org.redress.auditing;

import java.util.Set;
import org.redress.security.Roles;
import org.redress.security.StaffCaller;
import org.redress.security.StaffOnly;
import org.redress.security.WebappAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The read-only case view (ISO 10002 8.4, 8.5): the case file's document as a staff page, for those
 * who reach a complaint from a figure — management and process owners from the dashboard's lists —
 * and for auditors. Who the complainant is follows the case file's rule ({@link Auditor}); the PDF and
 * JSON case files stay the auditors' and administrators' ({@link CaseFileApi}).
 */
@Controller
@StaffOnly(value = {Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN},
    to = "read a complaint's case")
class CaseView {

  /** Who may download the case file (CaseFileApi's guard) and who may open the dashboard (DashboardPage's). */
  static final Set<String> CASE_FILE_READERS = Set.of(Roles.AUDITORS, Roles.CAMUNDA_ADMIN);
  static final Set<String> DASHBOARD_READERS = Set.of(Roles.MANAGEMENT, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN);

  private final StaffCaller staff;
  private final ReadableCaseFiles caseFiles;
  private final WebappAccess webapps;

  CaseView(StaffCaller staff, ReadableCaseFiles caseFiles, WebappAccess webapps) {
    this.staff = staff;
    this.caseFiles = caseFiles;
    this.webapps = webapps;
  }

  @GetMapping("/staff/cases/{reference}")
  public String view(@PathVariable String reference, Model model) {
    StaffCaller.Caller caller = staff.required();
    model.addAttribute("doc", caseFiles.of(reference, Auditor.of(caller)));
    model.addAttribute("user", caller.userId());
    model.addAttribute("caseFiles", caller.inAnyOf(CASE_FILE_READERS));
    model.addAttribute("dashboard", caller.inAnyOf(DASHBOARD_READERS));
    model.addAttribute("cockpit", webapps.opensCockpit(caller));
    return "staff/case";
  }
}
