package org.redress.security;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * ISO 10002 4.7: who may take a complaint's task. One rule for claim, assign and complete;
 * also asked before Redress assigns a task on its own (case ownership).
 */
public interface TaskEligibility {

  /** Empty when {@code userId} may take {@code task}; otherwise the sentence a person is shown. */
  Optional<String> refusal(DelegateTask task, String userId);
}
