package org.redress.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.redress.complaint.ComplaintVariables;
import org.redress.engine.TasklistFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may do what (ISO 10002 5.4 roles, 4.10 confidentiality), as Camunda authorizations seeded at
 * every start: the groups exist, and each group's grants below are set to exactly these
 * permissions (a change made to one of these rows in the Admin webapp is put back at the next
 * start; grants to single users or on other resource ids are left alone).
 *
 * <ul>
 *   <li>handlers — Tasklist; start a complaint from the start form; see every complaint task and where
 *       each complaint stands (one grant on the complaint process); claim and work the tasks of their
 *       groups ({@link CandidateGroupRule}), not reassign.
 *   <li>supervisors — all of that on every complaint task, plus assign/reassign, read the running
 *       complaints and their history.
 *   <li>process-owners — Cockpit; deploy (processes, decisions, forms), read definitions; in Tasklist,
 *       start and work corrective actions (8.7); start no complaint.
 *   <li>auditors — Cockpit; read everything, current and historic, including the operation log; change
 *       nothing in complaints. Tasklist, for the reviews of audit sampling (8.5) offered to their group.
 *   <li>management — Tasklist: start and work management reviews (8.6) and corrective actions (8.7).
 *   <li>camunda-admin — everything.
 * </ul>
 */
@Component
@Order(4)
class RoleAuthorizations implements ApplicationRunner {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    static Grant of(String groupId, Resource resource, String resourceId, Permission... permissions) {
      return new Grant(groupId, resource, resourceId, List.of(permissions));
    }
  }

  static final Map<String, String> GROUP_NAMES = Map.of(
      Roles.HANDLERS, "Complaint handlers",
      Roles.SUPERVISORS, "Supervisors",
      Roles.PROCESS_OWNERS, "Process owners",
      Roles.AUDITORS, "Auditors",
      Roles.MANAGEMENT, "Management",
      Roles.CAMUNDA_ADMIN, "Camunda administrators");

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;

  public RoleAuthorizations(IdentityService identity, AuthorizationService authorizations, FilterService filters) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureGroups(identity);
    for (Grant grant : grants()) {
      apply(grant);
    }
  }

  /** The role groups, created when missing (type WORKFLOW; camunda-admin SYSTEM). */
  public static void ensureGroups(IdentityService identity) {
    for (String groupId : Roles.ALL) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(GROUP_NAMES.get(groupId));
        group.setType(Roles.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
      }
    }
  }

  public List<Grant> grants() {
    String complaints = ComplaintVariables.PROCESS_KEY;
    List<Grant> grants = new ArrayList<>();

    // handlers: Tasklist, register complaints, the complaint tasks and where each complaint stands. Granted
    // once on the process definition, not per complaint or per task: every complaint passes through the
    // handlers' queue, and grants per complaint made every task list slow with the square of the open
    // complaints (issue 13). Which step a handler may work is its candidate group's (CandidateGroupRule).
    grants.add(Grant.of(Roles.HANDLERS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    grants.add(Grant.of(Roles.HANDLERS, Resources.PROCESS_DEFINITION, complaints,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK));
    grants.add(Grant.of(Roles.HANDLERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    grants.add(Grant.of(Roles.HANDLERS, Resources.USER, ANY, Permissions.READ));
    grants.add(Grant.of(Roles.HANDLERS, Resources.GROUP, ANY, Permissions.READ));

    // supervisors: the same on every complaint, plus assignment, the running cases and their history
    grants.add(Grant.of(Roles.SUPERVISORS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    grants.add(Grant.of(Roles.SUPERVISORS, Resources.PROCESS_DEFINITION, complaints,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
        ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.TASK_WORK,
        ProcessDefinitionPermissions.READ_HISTORY));
    grants.add(Grant.of(Roles.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    grants.add(Grant.of(Roles.SUPERVISORS, Resources.USER, ANY, Permissions.READ));
    grants.add(Grant.of(Roles.SUPERVISORS, Resources.GROUP, ANY, Permissions.READ));

    // process owners: deploy and read definitions in Cockpit; start nothing by hand
    grants.add(Grant.of(Roles.PROCESS_OWNERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    grants.add(Grant.of(Roles.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY,
        Permissions.CREATE, Permissions.READ, Permissions.DELETE));
    grants.add(Grant.of(Roles.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
    grants.add(Grant.of(Roles.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
    grants.add(Grant.of(Roles.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));

    // auditors: read everything, current and historic; change nothing
    grants.add(Grant.of(Roles.AUDITORS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
    // the audit-sampling reviews are their tasks (Camunda grants the candidate group TASK_WORK on each)
    grants.add(Grant.of(Roles.AUDITORS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
    grants.add(Grant.of(Roles.AUDITORS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY));
    grants.add(Grant.of(Roles.AUDITORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
    grants.add(Grant.of(Roles.AUDITORS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_HISTORY));
    grants.add(Grant.of(Roles.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ));
    grants.add(Grant.of(Roles.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(Grant.of(Roles.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    grants.add(Grant.of(Roles.AUDITORS, Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY));
    grants.add(Grant.of(Roles.AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
    grants.add(Grant.of(Roles.AUDITORS, Resources.USER, ANY, Permissions.READ));
    grants.add(Grant.of(Roles.AUDITORS, Resources.GROUP, ANY, Permissions.READ));

    // process owners and management: corrective actions (8.7); management also management reviews (8.6).
    // Their tasks reach them through candidate groups (the engine grants READ + TASK_WORK per task).
    for (String group : List.of(Roles.PROCESS_OWNERS, Roles.MANAGEMENT)) {
      grants.add(Grant.of(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
      grants.add(Grant.of(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
      // to name an action's owner and see who works on what
      grants.add(Grant.of(group, Resources.USER, ANY, Permissions.READ));
      grants.add(Grant.of(group, Resources.GROUP, ANY, Permissions.READ));
      grants.add(Grant.of(group, Resources.PROCESS_DEFINITION, ComplaintVariables.CORRECTIVE_ACTION_PROCESS_KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_HISTORY));
    }
    grants.add(Grant.of(Roles.MANAGEMENT, Resources.PROCESS_DEFINITION, ComplaintVariables.MANAGEMENT_REVIEW_PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY));

    // camunda-admin: everything
    for (Resources resource : Resources.values()) {
      grants.add(Grant.of(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
    }

    // Tasklist's filters: the shared four readable by every role that works tasks there — handlers and
    // supervisors (complaints), auditors (audit reviews), process owners and management (corrective actions,
    // reviews); each improvement filter only by the roles whose work it lists
    List<String> everyRole = List.of(Roles.HANDLERS, Roles.SUPERVISORS, Roles.AUDITORS, Roles.PROCESS_OWNERS,
        Roles.MANAGEMENT);
    Map<String, List<String>> readers = new java.util.LinkedHashMap<>();
    for (String shared : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.HIGH_PRIORITY)) {
      readers.put(shared, everyRole);
    }
    readers.put(TasklistFilters.MANAGEMENT_REVIEWS, List.of(Roles.MANAGEMENT));
    readers.put(TasklistFilters.CORRECTIVE_ACTIONS, List.of(Roles.PROCESS_OWNERS, Roles.MANAGEMENT));
    readers.put(TasklistFilters.AUDIT_SAMPLES, List.of(Roles.AUDITORS));
    readers.forEach((name, groups) -> {
      for (Filter filter : filters.createFilterQuery().filterName(name).list()) {
        for (String group : groups) {
          grants.add(Grant.of(group, Resources.FILTER, filter.getId(), Permissions.READ));
        }
      }
    });
    return grants;
  }

  private void apply(Grant grant) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
    authorizations.saveAuthorization(authorization);
  }
}
