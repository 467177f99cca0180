package org.redress.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The complaints mailbox (ISO 10002 7.2, e-mail channel), read by mailbox-polling.bpmn.
 * No host: the mailbox is not polled (the process definition is suspended).
 *
 * @param host the IMAP server; none (the default) means there is no complaints mailbox and nothing is
 *     polled
 * @param port the IMAP server's port; none means the protocol's usual port (993 for imaps, 143 for imap)
 * @param protocol imap or imaps
 * @param username the mailbox's user name at the IMAP server
 * @param password the mailbox's password at the IMAP server
 * @param folder the folder in which new e-mails arrive
 * @param address the address complainants write to, shown on the "How to complain" page; none means the
 *     page names no address
 */
@Validated
@ConfigurationProperties("redress.mailbox")
public record MailboxSettings(String host, Integer port, @NotBlank @Pattern(regexp = "imaps?") String protocol,
    String username, String password, @NotBlank String folder, String address) {

  public boolean configured() {
    return host != null && !host.isBlank();
  }
}
