package org.redress.improvement.trends;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.classification.CodeLists;
import org.redress.complaint.EngineClock;
import org.redress.engine.Actors;
import org.redress.improvement.action.Cause;
import org.redress.improvement.action.CauseCounts;
import org.redress.improvement.action.CorrectiveActionStarter;
import org.redress.improvement.action.CorrectiveActions;
import org.springframework.stereotype.Component;

/**
 * Task_DetectTrends (8.2): counts the complaints per category, product and root cause received in
 * the window and the window before; for each cause that makes a trend ({@link TrendSettings}) and
 * has no open corrective action, proposes one, links the complaints of the window and starts
 * processes/corrective-action.bpmn. Running it again proposes nothing new for the same cause.
 */
@Component("detectTrends")
class DetectTrends implements JavaDelegate {

  public static final String PROPOSED_ACTIONS = "proposedActions";

  private final TrendSettings settings;
  private final CauseCounts counts;
  private final CorrectiveActions actions;
  private final CorrectiveActionStarter starter;
  private final CodeLists codeLists;

  public DetectTrends(TrendSettings settings, CauseCounts counts, CorrectiveActions actions,
      CorrectiveActionStarter starter, CodeLists codeLists) {
    this.settings = settings;
    this.counts = counts;
    this.actions = actions;
    this.starter = starter;
    this.codeLists = codeLists;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime now = EngineClock.now();
    OffsetDateTime windowStart = now.minus(settings.window());
    OffsetDateTime previousStart = windowStart.minus(settings.window());
    List<Long> proposed = new ArrayList<>();
    for (String kind : Cause.KINDS) {
      Map<String, Long> current = counts.byCode(kind, windowStart, now);
      Map<String, Long> previous = counts.byCode(kind, previousStart, windowStart);
      for (Map.Entry<String, Long> entry : current.entrySet()) {
        String trend = settings.trendIn(entry.getValue(), previous.getOrDefault(entry.getKey(), 0L));
        if (trend == null) {
          continue;
        }
        Cause cause = new Cause(kind, entry.getKey());
        String label = codeLists.label(kind, cause.code());
        actions.propose(cause, "More complaints: " + kind + " " + label, "Trend detected: " + trend, Actors.SYSTEM, null)
            .ifPresent(id -> {
              starter.link(id, counts.references(cause, windowStart, now), Actors.SYSTEM, execution.getProcessInstanceId());
              starter.start(execution.getProcessEngineServices(), id);
              proposed.add(id);
            });
      }
    }
    execution.setVariable(PROPOSED_ACTIONS, proposed.size());
  }
}
