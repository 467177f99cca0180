package org.redress.complaint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttling of the public follow-up (ISO 10002 4.3 accessibility, 7.3): attempts are counted per
 * client — a SHA-256 of the caller's address, an IPv6 address by its /64 network — and in total,
 * never per complaint reference, so nobody can lock a complainant out by failing on their reference.
 * Beyond the free attempts a client waits, twice as long for each further attempt (at most the
 * window); beyond the total cap everybody's further attempts wait. The table is bounded: rows older
 * than the window are deleted on every write, and no more than the cap is ever stored per purpose.
 */
@Component
public class ClientAttempts {

  /** What is counted, with its window, the free attempts per client and the total cap in the window. */
  public enum Purpose {
    /** Wrong reference/code pairs on the status page and the API. */
    WRONG_CODE(Duration.ofMinutes(15), 20, 5_000),
    /** "I lost my code" requests, right or wrong alike (the answer never says which). */
    CODE_RECOVERY(Duration.ofHours(1), 5, 500);

    final Duration window;
    final int freePerClient;
    final int cap;

    Purpose(Duration window, int freePerClient, int cap) {
      this.window = window;
      this.freePerClient = freePerClient;
      this.cap = cap;
    }

    public Duration window() {
      return window;
    }

    public int freePerClient() {
      return freePerClient;
    }

    public int cap() {
      return cap;
    }
  }

  static final Duration FIRST_WAIT = Duration.ofSeconds(30);

  private final JdbcClient jdbc;

  public ClientAttempts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts one attempt by this client and answers how long it must now wait before the next one:
   * {@link Duration#ZERO} while within the limits.
   */
  public Duration count(Purpose purpose, String clientAddress) {
    OffsetDateTime now = EngineClock.now();
    OffsetDateTime since = now.minus(purpose.window);
    String client = client(clientAddress);
    jdbc.sql("DELETE FROM client_attempt WHERE purpose = :p AND attempted_at <= :since")
        .param("p", purpose.name()).param("since", since).update();
    long total = jdbc.sql("SELECT COUNT(*) FROM client_attempt WHERE purpose = :p")
        .param("p", purpose.name()).query(Long.class).single();
    long mine = jdbc.sql("SELECT COUNT(*) FROM client_attempt WHERE purpose = :p AND client = :c")
        .param("p", purpose.name()).param("c", client).query(Long.class).single();
    if (total < purpose.cap) { // bounded: beyond the cap nothing more is stored, everyone waits
      jdbc.sql("INSERT INTO client_attempt (purpose, client, attempted_at) VALUES (:p, :c, :now)")
          .param("p", purpose.name()).param("c", client).param("now", now).update();
    }
    mine++;
    total++;
    Duration wait = Duration.ZERO;
    if (mine > purpose.freePerClient) {
      long doublings = Math.min(mine - purpose.freePerClient - 1, 20);
      wait = min(FIRST_WAIT.multipliedBy(1L << doublings), purpose.window);
    }
    if (total > purpose.cap) {
      wait = max(wait, FIRST_WAIT);
    }
    return wait;
  }

  /** How many attempts of this purpose are stored now (for tests and metrics). */
  public long stored(Purpose purpose) {
    return jdbc.sql("SELECT COUNT(*) FROM client_attempt WHERE purpose = :p").param("p", purpose.name())
        .query(Long.class).single();
  }

  /**
   * The key a client is counted by: the SHA-256 of its address (no address is stored), an IPv6
   * address by its /64 network, since one subscriber usually holds a whole /64.
   */
  static String client(String address) {
    String key = address == null ? "unknown" : address.strip();
    if (key.contains(":") && key.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
      try {
        byte[] bytes = InetAddress.getByName(key.replaceAll("%.*$", "")).getAddress(); // a literal: no DNS
        if (bytes.length == 16) {
          key = HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
      } catch (UnknownHostException e) {
        // keep the text as it is
      }
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
