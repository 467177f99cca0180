package org.redress.notification;

import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Which notifier tells complainants: e-mail through SMTP when {@code spring.mail.host} is set,
 * otherwise the embedded default that records each message on the timeline and logs it.
 */
@Configuration
class NotifierConfiguration {

  @Bean
  @ConditionalOnProperty("spring.mail.host")
  ComplainantNotifier mailComplainantNotifier(JavaMailSender mail, ComplaintRepository complaints, CaseEvents events,
      MailTemplates templates, LetterOutbox outbox, LetterMeters meters, NotificationSettings settings) {
    return new MailComplainantNotifier(mail, complaints, events, templates, outbox, meters, settings.mail().from());
  }

  @Bean
  @ConditionalOnMissingBean(ComplainantNotifier.class)
  ComplainantNotifier recordingComplainantNotifier(ComplaintRepository complaints, CaseEvents events,
      LetterMeters meters) {
    return new RecordingComplainantNotifier(complaints, events, meters);
  }
}
