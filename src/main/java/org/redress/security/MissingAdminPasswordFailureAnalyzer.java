package org.redress.security;

import org.redress.security.ProductionAdmin.MissingAdminPasswordException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** "APPLICATION FAILED TO START" with the reason and the fix, instead of a stack trace. */
public class MissingAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminPasswordException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set REDRESS_ADMIN_PASSWORD in the environment (and optionally REDRESS_ADMIN_USER, default admin), "
            + "or run with the demo profile for a local trial.", cause);
  }
}
