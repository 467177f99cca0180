package org.redress.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.ClientAttempts;
import org.redress.complaint.ComplaintVariables;
import org.redress.problem.RefusedRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * "I lost my code" (ISO 10002 4.3, 7.3): starts access-code-recovery.bpmn, whose
 * {@link SendNewAccessCode} e-mails a new code when the reference and e-mail address match. The
 * caller learns nothing either way — the same answer, and the comparison happens later in a job,
 * so not even the answer's timing differs. Limited per client and in total ({@link ClientAttempts}),
 * never per reference. Only a hash of the e-mail address given goes into the process.
 */
@Service
public class CodeRecovery {

  public static final String PROCESS = "access-code-recovery";
  static final String EMAIL_HASH = "emailHash";

  private final RuntimeService runtime;
  private final ClientAttempts attempts;

  public CodeRecovery(RuntimeService runtime, ClientAttempts attempts) {
    this.runtime = runtime;
    this.attempts = attempts;
  }

  public void request(String reference, String email, String clientAddress) {
    Duration wait = attempts.count(ClientAttempts.Purpose.CODE_RECOVERY, clientAddress);
    if (!wait.isZero()) {
      throw new TooManyRequests(wait);
    }
    String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
    if (!AccessCodes.REFERENCE.matcher(ref).matches() || email == null || email.isBlank()) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ComplaintVariables.REFERENCE, ref);
    variables.put(EMAIL_HASH, emailHash(email));
    runtime.startProcessInstanceByKey(PROCESS, variables);
  }

  static String emailHash(String email) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Too many requests for new codes from this client (or from everybody) lately. */
  public static class TooManyRequests extends RefusedRequest {
    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
      super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
          "Too many requests for a new access code from your connection. Try again later.");
      getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
