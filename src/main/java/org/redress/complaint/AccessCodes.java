package org.redress.complaint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.redress.problem.RefusedRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret access code that, together with the reference, opens a complaint's status page
 * (ISO 10002 7.3: tracking without an account). 160 bits from {@link SecureRandom}, shown once,
 * stored only as its SHA-256 (enough for a high-entropy secret), compared in constant time. An
 * unknown reference and a wrong code get the same answer; repeated wrong codes are throttled per
 * client and in total ({@link ClientAttempts}), never per reference: a correct code always works.
 */
@Component
public class AccessCodes {

  public static final Pattern REFERENCE = Pattern.compile("^C-\\d{4}-\\d{6}$");
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final byte[] NO_CODE = sha256("no complaint has this code");

  private final JdbcClient jdbc;
  private final ClientAttempts attempts;
  private final SecureRandom random = new SecureRandom();

  public AccessCodes(JdbcClient jdbc, ClientAttempts attempts) {
    this.jdbc = jdbc;
    this.attempts = attempts;
  }

  /** Issues a new code for the complaint (replacing an earlier one); returns it — the only time it is seen. */
  public String issue(String reference) {
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    String code = format(secret);
    String hash = HexFormat.of().formatHex(sha256(normalise(code)));
    int updated = jdbc.sql("UPDATE complaint_access SET code_hash = :hash, issued_at = :now WHERE reference = :reference")
        .param("hash", hash).param("now", EngineClock.now()).param("reference", reference).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO complaint_access (reference, code_hash, issued_at) VALUES (:reference, :hash, :now)")
          .param("reference", reference).param("hash", hash).param("now", EngineClock.now()).update();
    }
    return code;
  }

  public boolean hasCode(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM complaint_access WHERE reference = :reference")
        .param("reference", reference).query(Long.class).single() > 0;
  }

  /**
   * Checks reference + code for the client at {@code clientAddress}. A correct code always opens the
   * complaint, whoever failed before and however often: it is checked before any limit. Otherwise
   * {@link ComplaintNotFound} for an unknown reference and a wrong code alike, or {@link TooManyAttempts}
   * when this client (or everybody together) failed too often lately — counted per client and in
   * total by {@link ClientAttempts}, never per reference, so nobody can lock an owner out.
   */
  public String verify(String reference, String code, String clientAddress) {
    String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
    boolean wellFormed = REFERENCE.matcher(ref).matches();
    Optional<String> stored = wellFormed
        ? jdbc.sql("SELECT code_hash FROM complaint_access WHERE reference = :reference").param("reference", ref)
            .query(String.class).optional()
        : Optional.empty();
    byte[] expected = stored.map(h -> HexFormat.of().parseHex(h)).orElse(NO_CODE);
    byte[] given = sha256(normalise(code == null ? "" : code));
    boolean match = MessageDigest.isEqual(expected, given) && stored.isPresent();
    if (!match) {
      Duration wait = attempts.count(ClientAttempts.Purpose.WRONG_CODE, clientAddress);
      if (!wait.isZero()) {
        throw new TooManyAttempts(wait);
      }
      throw new ComplaintNotFound();
    }
    return ref;
  }

  /** Groups of four base32 characters, e.g. ABCD-EFGH-…; easy to read out on the phone. */
  static String format(byte[] secret) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : secret) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < out.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        grouped.append('-');
      }
      grouped.append(out.charAt(i));
    }
    return grouped.toString();
  }

  /** Case, spaces and hyphens do not matter when a person types the code. */
  static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unknown reference or wrong access code: the same answer for both, whatever the reference. */
  public static class ComplaintNotFound extends RefusedRequest {
    public ComplaintNotFound() {
      super(HttpStatus.NOT_FOUND, "complaint-not-found", "Complaint not found",
          "No complaint matches this reference and access code.");
      getBody().setInstance(URI.create("/api/complaints"));
    }
  }

  /**
   * Too many wrong access codes from this client (or from everybody) lately; try again after
   * {@code Retry-After}. A correct code is never answered with this.
   */
  public static class TooManyAttempts extends RefusedRequest {
    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
      super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
          "Too many wrong reference and access code pairs from your connection. Try again later.");
      getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
