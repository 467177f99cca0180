package org.redress.improvement.review;

import static org.redress.complaint.ComplaintVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.redress.engine.EveryUserTaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of a management review task: the period and the links to the stored report (HTML and
 * PDF) for the form, task-local.
 */
@Component
class ManagementReviewContext implements EveryUserTaskListener {

  public static final String REVIEW_PERIOD = "reviewPeriod";
  public static final String REVIEW_SUMMARY = "reviewSummary";

  private final ManagementReviews reviews;

  public ManagementReviewContext(ManagementReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public List<String> events() {
    return List.of(EVENTNAME_CREATE);
  }

  @Override
  public void notify(DelegateTask task) {
    if (!(task.getExecution().getVariable(MANAGEMENT_REVIEW_ID) instanceof Number id)) {
      return;
    }
    ManagementReview review = reviews.find(id.longValue()).orElseThrow();
    task.setName(task.getName() + " · MR-" + review.id());
    task.setVariableLocal(REVIEW_PERIOD, review.periodStart() + " to " + review.periodEnd());
    String base = "/staff/management-reviews/" + review.id();
    task.setVariableLocal(REVIEW_SUMMARY, ("Read the report before you decide: [report (HTML)](%s/report.html) · "
        + "[report (PDF)](%s/report.pdf). It shows the KPIs against objectives, trends, top categories and root causes, "
        + "corrective actions and their effectiveness, satisfaction and audit findings.").formatted(base, base));
  }
}
