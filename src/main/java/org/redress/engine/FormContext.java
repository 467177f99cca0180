package org.redress.engine;

import java.util.Set;

/**
 * A listener that gives task forms read-only context in task-local variables — copies of what is
 * stored elsewhere (the complaint, its assessment, its timeline, the code lists), rebuilt for every
 * task and never submitted back. {@link FormContextWithoutHistory} keeps them out of Camunda's history.
 */
public interface FormContext {

  /** The names of the task-local variables this listener sets as context. */
  Set<String> contextVariables();
}
