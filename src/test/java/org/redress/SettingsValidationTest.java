package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.assessment.AssessmentSettings;
import org.redress.auditing.AuditSamplingSettings;
import org.redress.escalation.BusinessCalendarSettings;
import org.redress.escalation.HandlingTimes;
import org.redress.improvement.action.CorrectiveActionSettings;
import org.redress.improvement.monitoring.Objectives;
import org.redress.improvement.review.ManagementReviewSettings;
import org.redress.improvement.trends.TrendSettings;
import org.redress.intake.AttachmentSettings;
import org.redress.intake.MailboxSettings;
import org.redress.notification.NotificationSettings;
import org.redress.privacy.RetentionSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The settings records bind application.yaml's defaults, and a bad value fails the start, not a running complaint. */
class SettingsValidationTest {

  @EnableConfigurationProperties({HandlingTimes.class, BusinessCalendarSettings.class, AssessmentSettings.class, AuditSamplingSettings.class,
      CorrectiveActionSettings.class, ManagementReviewSettings.class, TrendSettings.class, Objectives.class,
      MailboxSettings.class, AttachmentSettings.class, NotificationSettings.class, RetentionSettings.class})
  static class Settings {}

  final ApplicationContextRunner app = new ApplicationContextRunner()
      .withInitializer(new ConfigDataApplicationContextInitializer()) // application.yaml
      .withUserConfiguration(Settings.class);

  @Test
  void theDefaultsInApplicationYaml_bind() {
    app.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(MailboxSettings.class).configured()).as("no mailbox by default").isFalse();
      assertThat(context.getBean(NotificationSettings.class).mail().from()).isNotBlank();
    });
  }

  @Test
  void aBadValue_failsTheStart_namingTheSetting() {
    assertFailsWith("redress.audit-sampling.sample-size=0", "sampleSize");
    assertFailsWith("redress.handling-times.progress-update-cycle=P7D", "redress.handling-times.progress-update-cycle");
    assertFailsWith("redress.handling-times.reminder-at-share-of-target=1.5", "between 0 and 1");
    assertFailsWith("redress.handling-times.answer-period=two weeks", "redress.handling-times");
    assertFailsWith("redress.objectives.targets.no-such-kpi=1", "no such KPI");
    assertFailsWith("redress.mailbox.protocol=pop3", "protocol");
    assertFailsWith("redress.mailbox.folder=", "folder");
    assertFailsWith("redress.retention.anonymise-after=three years", "redress.retention.anonymise-after");
    assertFailsWith("redress.objectives.minimum-sample=0", "redress.objectives.minimum-sample must be 1 or more");
    assertFailsWith("redress.business-calendar.holidays=atlantis", "redress.business-calendar.holidays 'atlantis' names no known country");
    assertFailsWith("redress.business-calendar.holidays=de-xx", "'xx' is not a subdivision of de");
    assertFailsWith("redress.business-calendar.hours=17:00-09:00", "redress.business-calendar.hours '17:00-09:00' ends before it starts");
    assertFailsWith("redress.business-calendar.working-week=", "redress.business-calendar.working-week is empty");
    assertFailsWith("redress.business-calendar.zone=Mars/Olympus", "redress.business-calendar.zone");
  }

  private void assertFailsWith(String property, String named) {
    app.withPropertyValues(property).run(context -> {
      assertThat(context).as(property).hasFailed();
      List<String> messages = new ArrayList<>();
      for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
        messages.add(String.valueOf(t.getMessage()));
      }
      assertThat(String.join("\n", messages)).as(property).contains(named);
    });
  }
}
