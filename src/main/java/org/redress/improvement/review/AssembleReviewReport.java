package org.redress.improvement.review;

import static org.redress.complaint.ComplaintVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.EngineClock;
import org.redress.engine.Actors;
import org.redress.engine.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * Task_AssembleReviewReport (8.6): stores a management review for the period — the one chosen in
 * the start form, else the previous calendar month — with its report as HTML and PDF.
 */
@Component("assembleReviewReport")
class AssembleReviewReport implements JavaDelegate {

  public static final String PERIOD_START = "periodStart";
  public static final String PERIOD_END = "periodEnd";
  /** camunda:initiator of the start by hand; absent when the monthly schedule started the review. */
  public static final String REQUESTED_BY = "reviewRequestedBy";

  private final ManagementReviews reviews;
  private final ReviewFactsQuery facts;
  private final ReviewReportRenderer renderer;

  public AssembleReviewReport(ManagementReviews reviews, ReviewFactsQuery facts, ReviewReportRenderer renderer) {
    this.reviews = reviews;
    this.facts = facts;
    this.renderer = renderer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate lastMonth = EngineClock.now().toLocalDate().withDayOfMonth(1).minusMonths(1);
    LocalDate start = date(execution, PERIOD_START, lastMonth);
    LocalDate end = date(execution, PERIOD_END, lastMonth.plusMonths(1).minusDays(1));
    if (end.isBefore(start)) {
      throw new InvalidSubmissionException(PERIOD_END, "must not be before the start of the period");
    }
    Object requestedBy = execution.getVariable(REQUESTED_BY);
    long id = reviews.create(start, end, requestedBy == null ? Actors.SYSTEM : requestedBy.toString(),
        execution.getProcessInstanceId());
    String html = renderer.html(facts.facts(id, start, end));
    reviews.storeReport(id, html, renderer.pdf(html));
    execution.setVariable(MANAGEMENT_REVIEW_ID, id);
    execution.setProcessBusinessKey("MR-" + id);
  }

  private static LocalDate date(DelegateExecution execution, String name, LocalDate otherwise) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidSubmissionException(name, "must be a date such as 2026-10-31");
    }
  }
}
