package org.redress.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A listener Redress puts on every user task of every deployed process (by
 * {@link EveryUserTaskListenersPlugin}), so a process owner cannot forget it in Modeler.
 */
public interface EveryUserTaskListener extends TaskListener {

  /** The task events it listens to, e.g. {@link TaskListener#EVENTNAME_CREATE}. */
  List<String> events();
}
