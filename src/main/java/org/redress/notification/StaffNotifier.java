package org.redress.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells staff about reminders and escalations. Tasklist already shows them (priority, due date,
 * the supervisor's task); this adds a log line by reference that monitoring can pick up.
 */
@Component
public class StaffNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(StaffNotifier.class);

  public void notifyGroup(DelegateExecution execution, String group, String what) {
    LOG.info("Complaint {}: {} (to group {})", execution.getProcessBusinessKey(), what, group);
  }
}
