package org.redress.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Existing installations, at every start: removes the per-complaint and per-task group grants that a
 * group's grant on the process definition now covers — the rows that made Tasklist slow with the
 * square of the open complaints (issue 13). Two kinds, both recognised by their exact shape:
 * <ul>
 *   <li>what the former {@code CaseAccess} listener gave a candidate group on each complaint: READ and
 *       UPDATE_VARIABLE on its process instance, when the group now holds READ_INSTANCE and
 *       UPDATE_INSTANCE_VARIABLE on that instance's process;
 *   <li>what Camunda gave a candidate group on each task: READ and/or TASK_WORK on the task, when the
 *       group now holds READ_TASK and TASK_WORK on the task's process.
 * </ul>
 * Grants to single users, grants with other permissions and grants on processes a group holds no
 * definition grant for are left alone. Bulk SQL DELETEs rather than AuthorizationService.deleteAuthorization
 * per row: at 100,000 open complaints that would be 200,000 commands, and these rows have no history and
 * no listeners. Cheap when there is nothing to do (the few definition grants are read, then each DELETE
 * looks up the group's rows by Camunda's unique index and finds none); idempotent, and safe on two nodes
 * starting at once (a row deleted by the other node is simply not there; a statement that fails, e.g.
 * as a deadlock victim, is logged and done at the next start — the old rows only cost time, never access).
 */
@Component
@Order(5)
class SupersededGrants implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SupersededGrants.class);
  private static final int CASE_ACCESS_PERMS = ProcessInstancePermissions.READ.getValue()
      | ProcessInstancePermissions.UPDATE_VARIABLE.getValue();
  private static final List<Integer> TASK_GRANT_PERMS = List.of(TaskPermissions.READ.getValue(),
      TaskPermissions.TASK_WORK.getValue(), TaskPermissions.READ.getValue() | TaskPermissions.TASK_WORK.getValue());

  private final AuthorizationService authorizations;
  private final JdbcClient jdbc;

  SupersededGrants(AuthorizationService authorizations, JdbcClient jdbc) {
    this.authorizations = authorizations;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    int instanceGrants = 0;
    int taskGrants = 0;
    for (Map.Entry<String, List<String>> group : coveringKeys(ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE).entrySet()) {
      instanceGrants += delete("DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1 AND GROUP_ID_ = :group"
          + " AND RESOURCE_TYPE_ = " + Resources.PROCESS_INSTANCE.resourceType() + " AND PERMS_ = " + CASE_ACCESS_PERMS
          + " AND RESOURCE_ID_ IN (SELECT E.ID_ FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON E.PROC_DEF_ID_ = D.ID_"
          + " WHERE E.ID_ = E.PROC_INST_ID_" + keyCondition(group.getValue()) + ")", group.getKey(), group.getValue());
    }
    for (Map.Entry<String, List<String>> group : coveringKeys(ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.TASK_WORK).entrySet()) {
      taskGrants += delete("DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1 AND GROUP_ID_ = :group"
          + " AND RESOURCE_TYPE_ = " + Resources.TASK.resourceType() + " AND PERMS_ IN (:taskPerms)"
          + " AND RESOURCE_ID_ IN (SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RE_PROCDEF D ON T.PROC_DEF_ID_ = D.ID_"
          + " WHERE 1 = 1" + keyCondition(group.getValue()) + ")", group.getKey(), group.getValue());
    }
    if (instanceGrants + taskGrants > 0) {
      LOG.info("Removed {} per-complaint and {} per-task group grants now covered by grants on the process",
          instanceGrants, taskGrants);
    }
  }

  /** Per group, the process keys (or "*") on which it holds all the permissions. */
  private Map<String, List<String>> coveringKeys(Permission... permissions) {
    Map<String, List<String>> keys = new TreeMap<>();
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.PROCESS_DEFINITION).list()) {
      if (grant.getGroupId() != null && grantsAll(grant, permissions)) {
        keys.computeIfAbsent(grant.getGroupId(), g -> new ArrayList<>()).add(grant.getResourceId());
      }
    }
    return keys;
  }

  private static boolean grantsAll(Authorization grant, Permission... permissions) {
    if (grant.isPermissionGranted(Permissions.ALL)) {
      return true;
    }
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }

  private static String keyCondition(List<String> keys) {
    return keys.contains(Authorization.ANY) ? "" : " AND D.KEY_ IN (:keys)";
  }

  private int delete(String sql, String group, List<String> keys) {
    try {
      JdbcClient.StatementSpec statement = jdbc.sql(sql).param("group", group);
      if (sql.contains(":keys")) {
        statement = statement.param("keys", keys);
      }
      if (sql.contains(":taskPerms")) {
        statement = statement.param("taskPerms", TASK_GRANT_PERMS);
      }
      return statement.update();
    } catch (RuntimeException e) {
      LOG.warn("Superseded grants of group {} not removed this time ({}); they will be at the next start", group,
          e.getMessage());
      return 0;
    }
  }
}
