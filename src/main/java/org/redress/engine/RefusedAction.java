package org.redress.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An action a rule of Redress refuses outright (not a form value): claiming or assigning a task
 * someone may not have. Being a {@link BadUserRequestException}, the REST API answers 400 with
 * the message; {@link SubmissionErrorsPlugin} unwraps it from the engine's listener wrapping.
 */
public class RefusedAction extends BadUserRequestException {

  public RefusedAction(String message) {
    super(message);
  }
}
