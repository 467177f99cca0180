package org.redress.security;

import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What a candidate group or assignee may do with a task the engine gives them: READ and TASK_WORK
 * (claim, fill in, complete) — not UPDATE, so handlers cannot hand work to someone else behind a
 * supervisor's back; reassignment is the supervisors' grant (see {@link RoleAuthorizations}). And
 * no per-task grant for a group whose definition grant already covers the task
 * ({@link DefinitionGrantsCoverTasks}), so that Tasklist's queries do not slow with the open tasks.
 */
@Component
class AuthorizationDefaults extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionForTask(TaskPermissions.TASK_WORK);
    configuration.setResourceAuthorizationProvider(new DefinitionGrantsCoverTasks());
  }
}
