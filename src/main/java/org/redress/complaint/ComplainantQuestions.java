package org.redress.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.redress.engine.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions to the complainant while the response clock is paused (ISO 10002 7.6 "gather all
 * relevant information"). The question is asked by the process ask-the-complainant; the answer
 * arrives from the status page or the mailbox and is handed to the waiting process as the message
 * {@value #ANSWER_MESSAGE}, correlated by the complaint reference (the business key).
 */
@Component
public class ComplainantQuestions {

  /** The message the process ask-the-complainant waits for. */
  public static final String ANSWER_MESSAGE = "ComplainantAnswer";

  /** A question and, once given, its answer. */
  public record Question(long id, String reference, String question, OffsetDateTime askedAt, OffsetDateTime sentAt,
      OffsetDateTime remindedAt, OffsetDateTime answeredAt, String answer, OffsetDateTime resumedAt) {

    /**
     * Sent, and neither answered nor given up on. Only a sent question can be answered: the process
     * waits for the answer from the moment it sent the question (the same transaction).
     */
    public boolean waiting() {
      return sentAt != null && answeredAt == null && resumedAt == null;
    }

    public boolean answered() {
      return answeredAt != null;
    }
  }

  private final JdbcClient jdbc;
  private final Timeline timeline;
  private final RuntimeService runtime;

  public ComplainantQuestions(JdbcClient jdbc, Timeline timeline, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.runtime = runtime;
  }

  /** Records a question as asked now; the clock pauses from this moment. */
  public long ask(String reference, String question, String askedBy) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO complainant_question (reference, question, asked_by, asked_at) VALUES (:r, :q, :by, :now)""")
        .param("r", reference).param("q", question).param("by", askedBy).param("now", EngineClock.now())
        .update(id, "id");
    return id.getKey().longValue();
  }

  public void markSent(long id) {
    jdbc.sql("UPDATE complainant_question SET sent_at = :now WHERE id = :id")
        .param("now", EngineClock.now()).param("id", id).update();
  }

  public void markReminded(long id) {
    jdbc.sql("UPDATE complainant_question SET reminded_at = :now WHERE id = :id")
        .param("now", EngineClock.now()).param("id", id).update();
  }

  /** The question that waits for the complainant's answer, if any. */
  public Optional<Question> waiting(String reference) {
    return latest(reference).filter(Question::waiting);
  }

  /** Every question of a complaint, oldest first. */
  public List<Question> of(String reference) {
    return jdbc.sql("SELECT * FROM complainant_question WHERE reference = :r ORDER BY id")
        .param("r", reference).query(ComplainantQuestions::question).list();
  }

  /**
   * The complainant's answer to the waiting question: recorded on the timeline and handed to the
   * waiting process, which resumes the response clock. False when no question waits (then the text
   * is ordinary further information, for the caller to keep).
   */
  @Transactional
  public boolean answer(String reference, String answer, String via) {
    Optional<Question> waiting = waiting(reference);
    if (waiting.isEmpty()) {
      return false;
    }
    jdbc.sql("UPDATE complainant_question SET answered_at = :now, answer = :a, answered_by = :via WHERE id = :id")
        .param("now", EngineClock.now()).param("a", answer).param("via", via).param("id", waiting.get().id()).update();
    timeline.record(reference, EventType.QUESTION_ANSWERED, Actors.COMPLAINANT,
        "The complainant answered (" + via + "): " + answer.replaceAll("\\s+", " "),
        Map.of("question", waiting.get().question(), "answer", answer, "via", via), null, null);
    runtime.createMessageCorrelation(ANSWER_MESSAGE).processInstanceBusinessKey(reference).correlateAll();
    return true;
  }

  /** The clock runs again: records how much working time it stood still for this question. */
  public void resumed(long id, String reference, long pausedSeconds) {
    jdbc.sql("UPDATE complainant_question SET resumed_at = :now, paused_seconds = :s WHERE id = :id")
        .param("now", EngineClock.now()).param("s", pausedSeconds).param("id", id).update();
    jdbc.sql("UPDATE complaint_status SET paused_seconds = paused_seconds + :s, updated_at = :now WHERE reference = :r")
        .param("s", pausedSeconds).param("now", EngineClock.now()).param("r", reference).update();
    KpiChanges.note(jdbc, reference);
  }

  private Optional<Question> latest(String reference) {
    return jdbc.sql("SELECT * FROM complainant_question WHERE reference = :r ORDER BY id DESC")
        .param("r", reference).query(ComplainantQuestions::question).list().stream().findFirst();
  }

  private static Question question(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Question(rs.getLong("id"), rs.getString("reference"), rs.getString("question"),
        rs.getObject("asked_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
        rs.getObject("reminded_at", OffsetDateTime.class),
        rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answer"),
        rs.getObject("resumed_at", OffsetDateTime.class));
  }
}
