package org.redress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.redress.complaint.AccessCodes;
import org.springframework.stereotype.Component;

/**
 * Which complaint this browser follows, after its reference and access code were sent once by POST:
 * kept in the server session (cookie only, never in an address, so the code stays out of browser
 * history, proxy logs and Referer headers). The code is checked again on every request, so a new
 * code issued for the complaint ends older sessions. "Leave" forgets it; the session also ends
 * after the servlet container's idle timeout.
 */
@Component
class StatusSession {

  private static final String REFERENCE = StatusSession.class.getName() + ".reference";
  private static final String CODE = StatusSession.class.getName() + ".code";

  private final AccessCodes accessCodes;

  StatusSession(AccessCodes accessCodes) {
    this.accessCodes = accessCodes;
  }

  /** Checks reference and code (throttled per client, see {@link AccessCodes#verify}) and remembers them. */
  String open(HttpServletRequest request, String reference, String code) {
    String ref = accessCodes.verify(reference, code, request.getRemoteAddr());
    remember(request, ref, code);
    return ref;
  }

  /** Remembers a complaint whose code this browser just received (the receipt after the web form). */
  void remember(HttpServletRequest request, String reference, String code) {
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      request.changeSessionId(); // a new id once the session opens a complaint (no session fixation)
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(REFERENCE, reference);
    session.setAttribute(CODE, code);
  }

  /** The complaint this browser follows, if its code still opens it. */
  Optional<String> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(REFERENCE) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(accessCodes.verify((String) session.getAttribute(REFERENCE),
          (String) session.getAttribute(CODE), request.getRemoteAddr()));
    } catch (AccessCodes.ComplaintNotFound | AccessCodes.TooManyAttempts e) {
      close(request);
      return Optional.empty();
    }
  }

  void close(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(REFERENCE);
      session.removeAttribute(CODE);
    }
  }
}
