package org.redress.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.engine.Actors;
import org.springframework.stereotype.Component;

/**
 * Task_AnonymiseExpiredComplaints (ISO 10002 4.10 confidentiality, 8.1 retention): every complaint
 * closed longer ago than the retention period loses the complainant's personal data; its
 * statistics stay. Runs as a job of processes/data-retention.bpmn on the configured cycle.
 */
@Component("anonymiseExpiredComplaints")
class AnonymiseExpiredComplaints implements JavaDelegate {

  public static final String ANONYMISED_COUNT = "anonymisedCount";

  private final PersonalData personalData;
  private final RetentionSettings settings;

  public AnonymiseExpiredComplaints(PersonalData personalData, RetentionSettings settings) {
    this.personalData = personalData;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime closedBefore = EngineClock.now().minus(settings.anonymiseAfter());
    List<String> expired = personalData.expired(closedBefore);
    int anonymised = 0;
    for (String reference : expired) {
      if (personalData.anonymise(reference, Actors.SYSTEM, EventType.PERSONAL_DATA_ANONYMISED,
          "Personal data anonymised: retention period of " + settings.anonymiseAfter() + " after closure ended")) {
        anonymised++;
      }
    }
    execution.setVariable(ANONYMISED_COUNT, anonymised);
  }
}
