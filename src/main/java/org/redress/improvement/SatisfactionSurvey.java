package org.redress.improvement;

import java.util.Map;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.KpiChanges;
import org.redress.complaint.Timeline;
import org.redress.engine.Actors;
import org.redress.problem.RefusedRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction with the complaints-handling process (ISO 10002 8.3): after closure the complainant
 * rates how the complaint was handled (1–5) with an optional comment, once, through the same
 * no-login link. Results feed the KPIs.
 */
@Service
public class SatisfactionSurvey {


  private final JdbcClient jdbc;
  private final ComplaintRepository complaints;
  private final Timeline timeline;

  public SatisfactionSurvey(JdbcClient jdbc, ComplaintRepository complaints, Timeline timeline) {
    this.jdbc = jdbc;
    this.complaints = complaints;
    this.timeline = timeline;
  }

  public boolean answered(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE reference = :r").param("r", reference)
        .query(Long.class).single() > 0;
  }

  @Transactional
  public void answer(String reference, SurveyAnswer answer) {
    if (complaints.state(reference).status() != ComplaintStatus.CLOSED) {
      throw new NotOpen("The survey opens when your complaint is closed.");
    }
    String text = answer.comment();
    int value = answer.rating();
    try {
      jdbc.sql("INSERT INTO satisfaction_survey (reference, rating, comment, answered_at) VALUES (:r, :rating, :c, :now)")
          .param("r", reference).param("rating", value).param("c", text).param("now", EngineClock.now()).update();
      KpiChanges.note(jdbc, reference, KpiChanges.CLOSED); // the rating counts on the day the complaint closed
    } catch (DuplicateKeyException e) {
      throw new NotOpen("You have already answered the survey for this complaint. Thank you.");
    }
    timeline.record(reference, EventType.SATISFACTION_SURVEY_ANSWERED, Actors.COMPLAINANT,
        "Satisfaction survey answered: " + value + " of 5", Map.of("rating", value), null, null);
  }

  /** The survey is not open: complaint not closed yet, or already answered. */
  public static class NotOpen extends RefusedRequest {
    public NotOpen(String message) {
      super(HttpStatus.CONFLICT, "conflict", "Not possible now", message);
    }
  }
}
