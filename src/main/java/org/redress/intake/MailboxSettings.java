package org.redress.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaints mailbox (ISO 10002 7.2, e-mail channel), read by mailbox-polling.bpmn.
 * No host: the mailbox is not polled (the process definition is suspended).
 *
 * @param protocol imap or imaps
 * @param address the address complainants write to, shown on the "How to complain" page
 */
@ConfigurationProperties("redress.mailbox")
public record MailboxSettings(String host, Integer port, String protocol, String username, String password,
    String folder, String address) {

  public boolean configured() {
    return host != null && !host.isBlank();
  }

  public String protocolOrDefault() {
    return protocol == null || protocol.isBlank() ? "imaps" : protocol;
  }

  public String folderOrDefault() {
    return folder == null || folder.isBlank() ? "INBOX" : folder;
  }
}
