package org.redress.web;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.redress.assessment.AssessComplaint;
import org.redress.escalation.HandlingTimes;
import org.redress.intake.MailboxSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "How to complain" (ISO 10002 7.1, 4.2 transparency): where and how, what to provide, the stages
 * and their time frames, how to follow a complaint and the recourse options. The time frames are
 * read from what the process uses — the deployed initial-assessment DMN table's response targets
 * and redress.handling-times — so the page never says something the process does not do.
 */
@Controller
class HowToComplainPage {

  /** One row of the response-target table: the DMN rule, its rationale, and the target in words and as a length. */
  public record Target(String rule, String when, String within, Length length) {}

  /** A time frame as a number and unit (day, hour, minute), for the pages' own words; null unit: see {@code text}. */
  public record Length(long amount, String unit, String text) {}

  private final RepositoryService repository;
  private final HandlingTimes times;
  private final String complaintsMailbox;

  public HowToComplainPage(RepositoryService repository, HandlingTimes times, MailboxSettings mailbox) {
    this.repository = repository;
    this.times = times;
    this.complaintsMailbox = mailbox.address() == null || mailbox.address().isBlank() ? null : mailbox.address();
  }

  @GetMapping("/")
  public String page(Model model) {
    model.addAttribute("targets", targets());
    model.addAttribute("immediateAction", length(times.immediateActionPeriod()));
    model.addAttribute("progressEvery", length(times.progressUpdateCycle()));
    model.addAttribute("answerPeriod", working(length(times.answerPeriod())));
    model.addAttribute("reviewPeriod", working(length(times.reviewPeriod())));
    model.addAttribute("complaintsMailbox", complaintsMailbox);
    return "how-to-complain";
  }

  /** The rules of the deployed initial-assessment table: rationale and response target, in order. */
  List<Target> targets() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(AssessComplaint.DECISION_KEY).latestVersion().singleResult();
    List<Target> targets = new ArrayList<>();
    if (definition == null) {
      return targets;
    }
    DmnModelInstance dmn = repository.getDmnModelInstance(definition.getId());
    for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      int target = indexOf(outputs, "responseTarget");
      int rationale = indexOf(outputs, "rationale");
      if (target < 0) {
        continue;
      }
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        String when = rationale < 0 ? rule.getId() : unquote(entries.get(rationale).getText().getTextContent());
        String within = unquote(entries.get(target).getText().getTextContent());
        targets.add(new Target(rule.getId(), when, inWords(within), working(length(within))));
      }
    }
    return targets;
  }

  /**
   * The same length in working time (issue 16): response targets, the answer and the review period count
   * working days of the business calendar; immediate action and progress updates stay calendar time.
   */
  static Length working(Length length) {
    return length.unit() == null ? length : new Length(length.amount(), "working-" + length.unit(), null);
  }

  private static int indexOf(Collection<Output> outputs, String name) {
    int i = 0;
    for (Output output : outputs) {
      if (name.equals(output.getName())) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static String unquote(String text) {
    String t = text.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  /** P2D → 2 day, PT4H → 4 hour, R/P7D → 7 day; anything else: no unit, the text as written. */
  static Length length(String iso) {
    String value = iso.startsWith("R") && iso.contains("/") ? iso.substring(iso.lastIndexOf('/') + 1) : iso;
    try {
      if (!value.contains("T")) {
        Period p = Period.parse(value);
        return p.getYears() == 0 && p.getMonths() == 0 ? new Length(p.getDays(), "day", null) : new Length(0, null, iso);
      }
      Duration d = Duration.parse(value);
      if (d.toMinutes() % 60 == 0) {
        return d.toHours() % 24 == 0 ? new Length(d.toDays(), "day", null) : new Length(d.toHours(), "hour", null);
      }
      return new Length(d.toMinutes(), "minute", null);
    } catch (DateTimeParseException e) {
      return new Length(0, null, iso);
    }
  }

  /** P2D → "2 days", PT4H → "4 hours", R/P7D → "7 days"; anything else as written. */
  static String inWords(String iso) {
    String value = iso.startsWith("R") && iso.contains("/") ? iso.substring(iso.lastIndexOf('/') + 1) : iso;
    try {
      if (!value.contains("T")) {
        Period p = Period.parse(value);
        if (p.getYears() == 0 && p.getMonths() == 0) {
          return plural(p.getDays(), "day");
        }
        return p.toString();
      }
      Duration d = Duration.parse(value);
      if (d.toMinutes() % 60 == 0) {
        return d.toHours() % 24 == 0 ? plural(d.toDays(), "day") : plural(d.toHours(), "hour");
      }
      return plural(d.toMinutes(), "minute");
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
