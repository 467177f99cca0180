package org.redress.security;

import java.util.List;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.redress.engine.EveryUserTaskListener;
import org.springframework.stereotype.Component;

/**
 * "The complaints they handle" (4.10): when a task is created, its candidate groups may read the
 * complaint's process instance and update its variables — what Tasklist needs to show where the
 * case stands — without seeing every other complaint. Added to every user task by
 * {@link org.redress.engine.EveryUserTaskListenersPlugin}. Supervisors and auditors read all complaints anyway
 * ({@link RoleAuthorizations}).
 */
@Component
class CaseAccess implements EveryUserTaskListener {

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_CREATE);
  }

  @Override
  public void notify(DelegateTask task) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    String processInstanceId = task.getProcessInstanceId();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() == null || !IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(link.getGroupId()).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId)
          .singleResult();
      if (existing == null && !pendingInThisCommand(link.getGroupId(), processInstanceId)) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(link.getGroupId());
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(processInstanceId);
        grant.addPermission(ProcessInstancePermissions.READ);
        grant.addPermission(ProcessInstancePermissions.UPDATE_VARIABLE);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  /**
   * Parallel tasks created in one transaction (e.g. the review and the immediate action) would
   * insert the same grant twice: the query does not see the first insert until it is flushed.
   */
  private static boolean pendingInThisCommand(String groupId, String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    return command != null && command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(a -> groupId.equals(a.getGroupId()) && processInstanceId.equals(a.getResourceId())
            && a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType());
  }
}
