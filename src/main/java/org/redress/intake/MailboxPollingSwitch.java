package org.redress.intake;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After deployment: mailbox-polling runs only where a mailbox is configured. Without
 * redress.mailbox.host its definition (and timer) is suspended, so no empty polls fill the history;
 * with it, it is active. Visible and switchable in Cockpit.
 */
@Component
@Order(2)
public class MailboxPollingSwitch implements ApplicationRunner {

  public static final String PROCESS_KEY = "mailbox-polling";
  private static final Logger LOG = LoggerFactory.getLogger(MailboxPollingSwitch.class);

  private final RepositoryService repository;
  private final MailboxSettings settings;

  public MailboxPollingSwitch(RepositoryService repository, MailboxSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
      return;
    }
    boolean suspended = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
        .singleResult().isSuspended();
    if (settings.configured() && suspended) {
      repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey(PROCESS_KEY)
          .includeProcessInstances(true).activate();
      LOG.info("Mailbox polling active for {}", settings.host());
    } else if (!settings.configured() && !suspended) {
      repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey(PROCESS_KEY)
          .includeProcessInstances(true).suspend();
      LOG.info("No complaints mailbox configured (redress.mailbox.host): mailbox polling suspended");
    }
  }
}
