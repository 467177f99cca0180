package org.redress.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What letters to complainants need from the configuration: where the app is reached and who sends
 * the e-mails ({@code redress.public-url}, {@code redress.mail.from}).
 *
 * @param publicUrl the public address of the app, used in links to the status page (e-mails, API
 *     answers from jobs)
 * @param mail the sender of e-mails to complainants
 */
@Validated
@ConfigurationProperties("redress")
public record NotificationSettings(@NotBlank String publicUrl, @Valid @NotNull Mail mail) {

  /**
   * E-mail to complainants (sent through SMTP when {@code spring.mail.host} is set).
   *
   * @param from the sender address of e-mails to complainants
   */
  public record Mail(@NotBlank String from) {}
}
