package org.redress.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, without the per-task grant a candidate group gets when that
 * group already holds the same permissions (READ_TASK and TASK_WORK) on the task's process
 * definition. Every such grant is a row in ACT_RU_AUTHORIZATION, and Camunda's task query joins all
 * of a caller's rows into every task list and count: with one row per open complaint task the list
 * slows with the square of the open complaints (issue 13). A role that works every complaint holds
 * a definition grant ({@link RoleAuthorizations}) and costs nothing per task; a group without one
 * (a process whose role is not granted per definition, or a team added in Admin) still gets Camunda's
 * per-task grant, so nobody loses a task. Likewise for the grant Camunda gives a task's assignee, owner or
 * candidate user, which would otherwise add a row per claimed task to that person's every query. Looked up
 * per task creation (one indexed query on a table of a few hundred rows), not cached: grants change in
 * Admin and must take effect at once.
 */
class DefinitionGrantsCoverTasks extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    String definitionKey = definitionKey(task);
    if (definitionKey != null && holdsOnDefinition(null, List.of(groupId), definitionKey,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK)) {
      return null;
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  /** The same for a person given the task (assignee, owner, candidate user), by their own or their groups' grants. */
  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return newAssignee != null && coveredForUser(task, newAssignee) ? null
        : super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return newOwner != null && coveredForUser(task, newOwner) ? null : super.newTaskOwner(task, oldOwner, newOwner);
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return coveredForUser(task, userId) ? null : super.newTaskUserIdentityLink(task, userId, type);
  }

  private static boolean coveredForUser(Task task, String userId) {
    String definitionKey = definitionKey(task);
    if (definitionKey == null) {
      return false;
    }
    return holdsOnDefinition(userId, groupsOf(userId), definitionKey,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK);
  }

  /** The groups of a person, read without the caller's own authorization check (the caller may not read groups). */
  static List<String> groupsOf(String userId) {
    CommandContext command = Context.getCommandContext();
    return command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider()
        .createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList());
  }

  static String definitionKey(Object task) {
    if (task instanceof TaskEntity entity && entity.getProcessDefinitionId() != null) {
      ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(entity.getProcessDefinitionId());
      return definition == null ? null : definition.getKey();
    }
    return null;
  }

  /**
   * Whether the user or one of the groups holds every permission on the definition (by key, or on all
   * definitions), read without the caller's own authorization check: the caller may not read
   * authorizations.
   */
  static boolean holdsOnDefinition(String userId, List<String> groupIds, String definitionKey,
      Permission... permissions) {
    CommandContext command = Context.getCommandContext();
    return command.runWithoutAuthorization(() -> {
      for (String resourceId : new String[] {definitionKey, "*"}) {
        if (userId != null && count(command, query(resourceId, permissions).userIdIn(userId)) > 0) {
          return true;
        }
        if (!groupIds.isEmpty()
            && count(command, query(resourceId, permissions).groupIdIn(groupIds.toArray(String[]::new))) > 0) {
          return true;
        }
      }
      return false;
    });
  }

  private static AuthorizationQueryImpl query(String resourceId, Permission... permissions) {
    AuthorizationQueryImpl query = new AuthorizationQueryImpl();
    query.authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.PROCESS_DEFINITION).resourceId(resourceId);
    for (Permission permission : permissions) {
      query.hasPermission(permission);
    }
    return query;
  }

  private static long count(CommandContext command, org.camunda.bpm.engine.authorization.AuthorizationQuery query) {
    return command.getAuthorizationManager().selectAuthorizationCountByQueryCriteria((AuthorizationQueryImpl) query);
  }
}
