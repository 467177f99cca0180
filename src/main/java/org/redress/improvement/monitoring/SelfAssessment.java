package org.redress.improvement.monitoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.redress.complaint.EngineClock;
import org.redress.complaint.IsoClause;
import org.redress.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ISO 10002 self-assessment: clause by clause (4 principles, 5-6, 7.1-7.9, 8.1-8.7) the evidence
 * this installation holds for a period, read from Redress's own tables. A finding is a shortfall (red)
 * where the data shows one, "no data" (grey) where there is nothing to judge yet, and "outside" where
 * the clause asks for evidence the software cannot hold (commitment, competence).
 */
@Service
class SelfAssessment {

  /** How a clause stands. */
  public enum Status {
    OK, SHORTFALL, NO_DATA, OUTSIDE
  }

  /** One clause's finding: its number and name come from {@link IsoClause}, a topic within it may follow the name. */
  public record Finding(String clause, String title, String evidence, Status status) {

    Finding(IsoClause clause, String evidence, Status status) {
      this(clause.number(), clause.title(), evidence, status);
    }

    Finding(IsoClause clause, String topic, String evidence, Status status) {
      this(clause.number(), clause.title() + ": " + topic, evidence, status);
    }
  }

  public record Section(String title, List<Finding> findings) {}

  public record Report(KpiQuery query, OffsetDateTime generatedAt, List<Section> sections, long shortfalls,
      long noData) {}

  /** Below this share of complaints closed in the period carrying a category, analysis (8.2) falls short. */
  static final double CLASSIFIED_SHARE = 90.0;

  private final Kpis kpis;
  private final JdbcClient jdbc;
  private final IdentityService identity;

  public SelfAssessment(Kpis kpis, JdbcClient jdbc, IdentityService identity) {
    this.kpis = kpis;
    this.jdbc = jdbc;
    this.identity = identity;
  }

  public Report report(KpiQuery query) {
    KpiReport figures = kpis.report(query);
    Period p = new Period(query, kpis);
    List<Section> sections = List.of(
        new Section("4 Guiding principles", principles(figures, p)),
        new Section("5-6 Framework and planning", planning(figures)),
        new Section("7 Operation of the complaints-handling process", operation(figures, p)),
        new Section("8 Maintenance and improvement", improvement(figures, p)));
    long shortfalls = sections.stream().flatMap(s -> s.findings().stream()).filter(f -> f.status() == Status.SHORTFALL).count();
    long noData = sections.stream().flatMap(s -> s.findings().stream()).filter(f -> f.status() == Status.NO_DATA).count();
    return new Report(query, EngineClock.now(), sections, shortfalls, noData);
  }

  private List<Finding> principles(KpiReport figures, Period p) {
    List<Finding> list = new ArrayList<>();
    list.add(new Finding(IsoClause.COMMITMENT, "Evidence of the organisation's commitment (policy, resources) is held "
        + "outside Redress.", Status.OUTSIDE));
    list.add(new Finding(IsoClause.TRANSPARENCY, "The public page explains how to complain, the stages with their "
        + "time frames, how to follow a complaint and the recourse options; every complainant gets a status page.",
        Status.OK));
    Map<String, Long> byChannel = p.countBy("channel", "received_at");
    list.add(byChannel.isEmpty()
        ? new Finding(IsoClause.ACCESSIBILITY, "No complaints received in the period.", Status.NO_DATA)
        : new Finding(IsoClause.ACCESSIBILITY, "Complaints received through " + byChannel.size() + " channel(s): "
            + joined(byChannel) + ".", Status.OK));
    list.add(kpiFinding(IsoClause.RESPONSIVENESS, figures, KpiDefinition.WITHIN_TARGET,
        "decided within the response target"));
    long refusals = p.events("OBJECTIVITY_REFUSAL");
    long reviews = p.count("reviewed_at");
    list.add(new Finding(IsoClause.OBJECTIVITY, "Staff named in a complaint are kept off it; an internal review is "
        + "done by someone other than the decision maker (enforced). In the period: " + reviews
        + " internal review(s), " + refusals + " attempt(s) by named staff refused.", Status.OK));
    list.add(new Finding(IsoClause.CHARGES, "No step of the process asks the complainant for payment.", Status.OK));
    long events = p.eventsTotal();
    list.add(new Finding(IsoClause.INFORMATION_INTEGRITY, "Complaints are stored as submitted and never updated; "
        + events + " timeline event(s) recorded in the period, each appended, none overwritten.",
        events == 0 ? Status.NO_DATA : Status.OK));
    long anonymised = p.scalar("SELECT COUNT(*) FROM complaint WHERE anonymised_at >= :start AND anonymised_at < :end");
    list.add(new Finding(IsoClause.CONFIDENTIALITY, "Personal data visible only to staff handling the complaint; "
        + anonymised + " complaint(s) anonymised in the period at the end of retention or on request.", Status.OK));
    list.add(kpiFinding(IsoClause.CUSTOMER_FOCUS, figures, KpiDefinition.SATISFACTION,
        "average satisfaction with handling"));
    list.add(new Finding(IsoClause.ACCOUNTABILITY, "Every one of the " + events
        + " timeline event(s) in the period names who acted, when and why.", events == 0 ? Status.NO_DATA : Status.OK));
    long actions = p.scalar("SELECT COUNT(*) FROM corrective_action WHERE proposed_at >= :start AND proposed_at < :end");
    list.add(new Finding(IsoClause.IMPROVEMENT, actions + " corrective action(s) proposed in the period.",
        actions == 0 ? Status.NO_DATA : Status.OK));
    list.add(new Finding(IsoClause.COMPETENCE, "Training and competence records are held outside Redress.",
        Status.OUTSIDE));
    list.add(kpiFinding(IsoClause.TIMELINESS, figures, KpiDefinition.TIME_TO_CLOSE, "average time to close"));
    return list;
  }

  private List<Finding> planning(KpiReport figures) {
    List<Finding> list = new ArrayList<>();
    StringBuilder members = new StringBuilder();
    boolean staffed = true;
    for (String group : List.of(Roles.HANDLERS, Roles.SUPERVISORS, Roles.PROCESS_OWNERS, Roles.AUDITORS,
        Roles.MANAGEMENT)) {
      long n = identity.createUserQuery().memberOfGroup(group).count();
      members.append(members.isEmpty() ? "" : ", ").append(group).append(" ").append(n);
      staffed &= n > 0 || !(group.equals(Roles.HANDLERS) || group.equals(Roles.SUPERVISORS));
    }
    list.add(new Finding(IsoClause.ROLES, "Members per role: " + members + ".",
        staffed ? Status.OK : Status.SHORTFALL));
    long withTarget = figures.kpis().stream().filter(k -> k.target() != null).count();
    long judged = figures.kpis().stream().filter(k -> k.met() != null).count();
    long met = figures.kpis().stream().filter(k -> Boolean.TRUE.equals(k.met())).count();
    list.add(new Finding(IsoClause.OBJECTIVES, withTarget + " KPI objectives set by the process owners; "
        + met + " of " + judged + " with data met in the period.", withTarget == 0 ? Status.SHORTFALL : Status.OK));
    Map<String, Long> workload = new Period(figures.query(), kpis).openByTeam();
    list.add(new Finding(IsoClause.RESOURCES, workload.isEmpty() ? "No open complaints now."
        : "Open complaints per team now: " + joined(workload) + ".", Status.OK));
    return list;
  }

  private List<Finding> operation(KpiReport figures, Period p) {
    List<Finding> list = new ArrayList<>();
    list.add(new Finding(IsoClause.COMMUNICATION, "Public information page, complaint form in the complainant's "
        + "language, and a status page per complaint (reference and access code, no login).", Status.OK));
    long received = p.count("received_at");
    list.add(new Finding(IsoClause.RECEIPT, received == 0 ? "No complaints received in the period."
        : received + " complaint(s) received, each recorded with a unique reference, channel, contact details and "
            + "description.", received == 0 ? Status.NO_DATA : Status.OK));
    long updates = p.events("PROGRESS_UPDATE_SENT");
    list.add(new Finding(IsoClause.TRACKING, "Status, stage and next deadline kept for every complaint; " + updates
        + " progress update(s) sent in the period; " + value(figures, KpiDefinition.OPEN) + " complaint(s) open now.",
        Status.OK));
    list.add(kpiFinding(IsoClause.ACKNOWLEDGEMENT, figures, KpiDefinition.ACKNOWLEDGED_WITHIN_TARGET,
        "acknowledged within target"));
    long assessedLate = p.scalar("""
        SELECT COUNT(*) FROM complaint_status WHERE received_at >= :start AND received_at < :end
          AND assessed_at IS NULL AND received_at < :dayAgo""");
    long overridden = p.scalar("""
        SELECT COUNT(*) FROM complaint_status WHERE received_at >= :start AND received_at < :end
          AND assessment_overridden""");
    list.add(new Finding(IsoClause.INITIAL_ASSESSMENT, received == 0 ? "No complaints received in the period."
        : "Assessed: " + (received - assessedLate) + " of " + received + " received (a day after receipt); "
            + overridden + " overridden by a handler with a recorded reason.",
        received == 0 ? Status.NO_DATA : assessedLate > 0 ? Status.SHORTFALL : Status.OK));
    long serious = p.scalar("""
        SELECT COUNT(*) FROM complaint_status WHERE closed_at >= :start AND closed_at < :end
          AND severity IN ('medium', 'high', 'critical')""");
    long withCause = p.scalar("""
        SELECT COUNT(*) FROM complaint_status WHERE closed_at >= :start AND closed_at < :end
          AND severity IN ('medium', 'high', 'critical') AND root_cause IS NOT NULL""");
    list.add(new Finding(IsoClause.INVESTIGATION, serious == 0 ? "No medium or higher complaints closed in the period."
        : "Root cause recorded for " + ratio(withCause, serious) + " medium or higher complaints closed.",
        serious == 0 ? Status.NO_DATA : withCause < serious ? Status.SHORTFALL : Status.OK));
    list.add(kpiFinding(IsoClause.RESPONSE, figures, KpiDefinition.TIME_TO_FIRST_RESPONSE, "average time to first response"));
    list.add(kpiFinding(IsoClause.COMMUNICATING_THE_DECISION, figures, KpiDefinition.TIME_TO_DECISION_WORKING,
        "average time to decision in working days, net of the time the complainant was asked"));
    long rejected = p.count("rejected_at");
    long recourse = p.scalar("""
        SELECT COUNT(*) FROM complaint_status s WHERE s.rejected_at >= :start AND s.rejected_at < :end
          AND (s.reviewed_at IS NOT NULL OR s.status IN ('UNDER_INTERNAL_REVIEW', 'EXTERNAL_RECOURSE')
               OR EXISTS (SELECT 1 FROM complaint_event e WHERE e.reference = s.reference
                          AND e.type = 'EXTERNAL_RECOURSE_OFFERED'))""");
    list.add(new Finding(IsoClause.CLOSING, "recourse after a rejected decision", rejected == 0
        ? "No decision rejected in the period."
        : "Recourse offered on every rejected decision: " + (recourse == rejected ? "yes" : "no") + " ("
            + recourse + "/" + rejected + ").",
        rejected == 0 ? Status.NO_DATA : recourse < rejected ? Status.SHORTFALL : Status.OK));
    long closed = p.count("closed_at");
    long recorded = p.scalar("""
        SELECT COUNT(*) FROM complaint_status WHERE closed_at >= :start AND closed_at < :end
          AND outcome IS NOT NULL AND closed_by IS NOT NULL""");
    list.add(new Finding(IsoClause.CLOSING, "outcome and who closed", closed == 0 ? "No complaints closed in the period."
        : "Outcome and who closed it recorded for " + ratio(recorded, closed) + " complaints closed; "
            + value(figures, KpiDefinition.DEEMED_ACCEPTED) + " % deemed accepted (no answer).",
        closed == 0 ? Status.NO_DATA : recorded < closed ? Status.SHORTFALL : Status.OK));
    return list;
  }

  private List<Finding> improvement(KpiReport figures, Period p) {
    List<Finding> list = new ArrayList<>();
    long total = p.scalar("SELECT COUNT(*) FROM complaint_status WHERE received_at < :end");
    list.add(new Finding(IsoClause.COLLECTION_OF_INFORMATION, total + " complaint(s) on record up to the end of the "
        + "period; KPIs exportable as JSON and CSV (/api/staff/kpis, /api/staff/kpis.csv).",
        total == 0 ? Status.NO_DATA : Status.OK));
    long closed = p.count("closed_at");
    long classified = p.scalar("""
        SELECT COUNT(*) FROM complaint_status WHERE closed_at >= :start AND closed_at < :end AND category IS NOT NULL""");
    Double share = Kpis.share(classified, closed);
    list.add(new Finding(IsoClause.ANALYSIS_AND_EVALUATION, closed == 0 ? "No complaints closed in the period."
        : "Classified by category: " + percent(share) + " of " + closed + " complaints closed (objective "
            + (int) CLASSIFIED_SHARE + " %).",
        closed == 0 ? Status.NO_DATA : share < CLASSIFIED_SHARE ? Status.SHORTFALL : Status.OK));
    Kpi rate = figures.kpi(KpiDefinition.SURVEY_RESPONSE_RATE.id()).orElseThrow();
    Kpi satisfaction = figures.kpi(KpiDefinition.SATISFACTION.id()).orElseThrow();
    list.add(new Finding(IsoClause.SATISFACTION, satisfaction.value() == null
        ? "No survey answers for complaints closed in the period."
        : "Average " + number(satisfaction.value()) + " of 5 from " + satisfaction.basis() + " answer(s) (target at least "
            + number(satisfaction.target()) + "); response rate " + percent(rate.value()) + ".",
        satisfaction.value() == null ? Status.NO_DATA
            : Boolean.FALSE.equals(satisfaction.met()) || Boolean.FALSE.equals(rate.met()) ? Status.SHORTFALL : Status.OK));
    List<Kpi> missed = figures.kpis().stream().filter(k -> Boolean.FALSE.equals(k.met())).toList();
    long judged = figures.kpis().stream().filter(k -> k.met() != null).count();
    list.add(new Finding(IsoClause.MONITORING, judged == 0 ? "No KPI with data in the period."
        : (judged - missed.size()) + " of " + judged + " KPIs with data met their objective"
            + (missed.isEmpty() ? "." : "; not met: " + String.join(", ", missed.stream().map(Kpi::label).toList()) + "."),
        judged == 0 ? Status.NO_DATA : missed.isEmpty() ? Status.OK : Status.SHORTFALL));
    list.add(audits(p));
    list.add(managementReview(p));
    long implemented = p.scalar("""
        SELECT COUNT(*) FROM corrective_action WHERE implemented_at >= :start AND implemented_at < :end""");
    long effective = p.scalar("""
        SELECT COUNT(*) FROM corrective_action WHERE implemented_at >= :start AND implemented_at < :end AND effective""");
    long ineffective = p.scalar("""
        SELECT COUNT(*) FROM corrective_action WHERE implemented_at >= :start AND implemented_at < :end
          AND effective = FALSE""");
    long overdue = p.scalar("""
        SELECT COUNT(*) FROM corrective_action WHERE status IN ('OPEN', 'REOPENED') AND due_date < :today""");
    Kpi recurrence = figures.kpi(KpiDefinition.RECURRENCE.id()).orElseThrow();
    list.add(new Finding(IsoClause.CONTINUAL_IMPROVEMENT, implemented == 0 && overdue == 0
        ? "No corrective action implemented in the period."
        : implemented + " corrective action(s) implemented; effectiveness checked: " + effective + " effective, "
            + ineffective + " not effective; " + overdue + " open action(s) past their due date"
            + (recurrence.value() == null ? "." : "; complaints for their causes afterwards at "
                + percent(recurrence.value()) + " of the rate before."),
        implemented == 0 && overdue == 0 ? Status.NO_DATA
            : overdue > 0 || Boolean.FALSE.equals(recurrence.met()) ? Status.SHORTFALL : Status.OK));
    return list;
  }

  private Finding audits(Period p) {
    long reviews = p.scalar("SELECT COUNT(*) FROM audit_review WHERE reviewed_at >= :start AND reviewed_at < :end");
    long conforming = p.scalar("""
        SELECT COUNT(*) FROM audit_review WHERE reviewed_at >= :start AND reviewed_at < :end AND conforming""");
    return new Finding(IsoClause.AUDITING, reviews == 0 ? "No audit reviews in the period."
        : "Audit reviews in the period: " + reviews + ", " + conforming + " conforming.",
        reviews == 0 ? Status.NO_DATA : conforming < reviews ? Status.SHORTFALL : Status.OK);
  }

  private Finding managementReview(Period p) {
    OffsetDateTime last = jdbc.sql("SELECT MAX(completed_at) FROM management_review WHERE completed_at < :end")
        .param("end", p.end).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
    long inPeriod = p.scalar("""
        SELECT COUNT(*) FROM management_review WHERE completed_at >= :start AND completed_at < :end""");
    if (last == null) {
      return new Finding(IsoClause.MANAGEMENT_REVIEW, "No management review completed yet.", Status.NO_DATA);
    }
    return new Finding(IsoClause.MANAGEMENT_REVIEW, "Last management review: "
        + last.atZoneSameInstant(kpis.objectives().zone()).toLocalDate() + "; " + inPeriod + " completed in the period.",
        inPeriod == 0 ? Status.SHORTFALL : Status.OK);
  }

  private Finding kpiFinding(IsoClause clause, KpiReport figures, KpiDefinition definition, String words) {
    Kpi kpi = figures.kpi(definition.id()).orElseThrow();
    if (kpi.value() == null) {
      return new Finding(clause, "No data in the period for " + words + ".", Status.NO_DATA);
    }
    if (kpi.tooFewToJudge()) {
      return new Finding(clause, "Not enough data (n = " + kpi.basis() + ") for " + words + ".", Status.NO_DATA);
    }
    String text = Character.toUpperCase(words.charAt(0)) + words.substring(1) + ": "
        + DashboardPage.Card.format(kpi.value(), kpi.unit()).replace("–", "-") + " of " + kpi.basis()
        + (kpi.target() == null ? "" : " (target " + (definition.direction() == KpiDefinition.Direction.AT_MOST
            ? "at most " : "at least ") + DashboardPage.Card.format(kpi.target(), kpi.unit()) + ")") + ".";
    return new Finding(clause, text, Boolean.FALSE.equals(kpi.met()) ? Status.SHORTFALL : Status.OK);
  }

  private static String value(KpiReport figures, KpiDefinition definition) {
    Double value = figures.kpi(definition.id()).map(Kpi::value).orElse(null);
    return value == null ? "-" : number(value);
  }

  private static String ratio(long part, long whole) {
    return part + " of " + whole;
  }

  private static String percent(Double value) {
    return value == null ? "-" : number(value) + " %";
  }

  private static String number(Double value) {
    return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String joined(Map<String, Long> counts) {
    return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  /** SQL over the period, with the query's filters where they apply to complaints. */
  private final class Period {
    final KpiQuery query;
    final OffsetDateTime start;
    final OffsetDateTime end;

    Period(KpiQuery query, Kpis kpis) {
      this.query = query;
      ZoneAware zone = new ZoneAware(kpis.objectives());
      this.start = zone.start(query.from());
      this.end = zone.start(query.to().plusDays(1));
    }

    long scalar(String sql) {
      JdbcClient.StatementSpec statement = jdbc.sql(sql);
      if (sql.contains(":start")) {
        statement = statement.param("start", start);
      }
      if (sql.contains(":end")) {
        statement = statement.param("end", end);
      }
      if (sql.contains(":dayAgo")) {
        statement = statement.param("dayAgo", EngineClock.now().minusDays(1));
      }
      if (sql.contains(":today")) {
        statement = statement.param("today", LocalDate.now(kpis.objectives().zone()));
      }
      Number n = statement.query(Number.class).single();
      return n == null ? 0 : n.longValue();
    }

    long count(String milestone) {
      return scalar("SELECT COUNT(*) FROM complaint_status WHERE " + milestone + " >= :start AND " + milestone
          + " < :end");
    }

    long events(String type) {
      return jdbc.sql("SELECT COUNT(*) FROM complaint_event WHERE type = :type AND occurred_at >= :start AND occurred_at < :end")
          .param("type", type).param("start", start).param("end", end).query(Long.class).single();
    }

    long eventsTotal() {
      return scalar("SELECT COUNT(*) FROM complaint_event WHERE occurred_at >= :start AND occurred_at < :end");
    }

    Map<String, Long> countBy(String column, String milestone) {
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM complaint_status WHERE " + milestone + " >= :start AND "
              + milestone + " < :end GROUP BY " + column + " ORDER BY COUNT(*) DESC")
          .param("start", start).param("end", end)
          .query((rs, n) -> counts.put(String.valueOf(rs.getString(1)), rs.getLong(2))).list();
      return counts;
    }

    Map<String, Long> openByTeam() {
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      jdbc.sql("SELECT team, COUNT(*) FROM complaint_status WHERE closed_at IS NULL GROUP BY team ORDER BY COUNT(*) DESC")
          .query((rs, n) -> counts.put(rs.getString(1) == null ? "(not assigned)" : rs.getString(1), rs.getLong(2)))
          .list();
      return counts;
    }
  }

  private record ZoneAware(Objectives objectives) {
    OffsetDateTime start(LocalDate day) {
      return day.atStartOfDay(objectives.zone()).toOffsetDateTime();
    }
  }
}
