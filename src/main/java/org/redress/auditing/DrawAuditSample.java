package org.redress.auditing;

import static org.redress.complaint.ComplaintVariables.AUDIT_PERIOD_END;
import static org.redress.complaint.ComplaintVariables.AUDIT_PERIOD_START;
import static org.redress.complaint.ComplaintVariables.AUDIT_SAMPLE;
import static org.redress.complaint.ComplaintVariables.AUDIT_SAMPLE_SIZE;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Task_DrawAuditSample (ISO 10002 8.5): draws a random sample of the complaints closed in the
 * period that just ended (redress.audit-sampling.period back from now), at most
 * redress.audit-sampling.sample-size of them. A secure random source, so nobody can predict (and
 * tidy up) the complaints that will be audited.
 */
@Component("drawAuditSample")
class DrawAuditSample implements JavaDelegate {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final AuditSamplingSettings settings;

  public DrawAuditSample(JdbcClient jdbc, AuditSamplingSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime end = EngineClock.now();
    OffsetDateTime start = end.minus(settings.period());
    List<String> closed = new ArrayList<>(jdbc.sql("""
        SELECT reference FROM complaint_status
        WHERE status = 'CLOSED' AND closed_at >= :start AND closed_at < :end ORDER BY reference""")
        .param("start", start)
        .param("end", end)
        .query(String.class)
        .list());
    Collections.shuffle(closed, RANDOM);
    List<String> sample = new ArrayList<>(closed.subList(0, Math.min(settings.sampleSize(), closed.size())));
    Collections.sort(sample);
    execution.setVariable(AUDIT_SAMPLE, sample);
    execution.setVariable(AUDIT_SAMPLE_SIZE, sample.size());
    execution.setVariable(AUDIT_PERIOD_START, start.toLocalDate().toString());
    execution.setVariable(AUDIT_PERIOD_END, end.toLocalDate().toString());
  }
}
