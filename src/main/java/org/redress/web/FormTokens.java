package org.redress.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.redress.problem.RefusedRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cross-site request forgery protection for the public forms, without a login or server session:
 * a random token in a SameSite=Strict, HttpOnly cookie and the same token in a hidden field
 * ("double submit"); a POST whose field does not match the cookie, or whose Origin is another site,
 * is refused with 403 (the error page). (When Spring Security arrives, its CSRF support can replace this.)
 */
@Component
class FormTokens implements HandlerInterceptor {

  public static final String COOKIE = "redress-form";
  public static final String FIELD = "_token";
  private final SecureRandom random = new SecureRandom();

  /** The token for the forms on this page: the cookie's, or a new one set as cookie. */
  public String token(HttpServletRequest request, HttpServletResponse response) {
    String existing = cookie(request);
    if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
      return existing;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path("/complaints").httpOnly(true)
        .sameSite("Strict").secure(request.isSecure()).build().toString());
    return token;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String origin = request.getHeader("Origin");
    boolean sameOrigin = origin == null || "null".equals(origin) || sameHost(origin, request);
    String cookie = cookie(request);
    String field = request.getParameter(FIELD);
    boolean tokenOk = cookie != null && field != null
        && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    if (sameOrigin && tokenOk) {
      return true;
    }
    throw new RefusedRequest(HttpStatus.FORBIDDEN, "form-expired", "Please try again",
        "This form has expired or was not sent from our website. Please go back, reload the page and send it again.");
  }

  private static boolean sameHost(String origin, HttpServletRequest request) {
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader("Host");
      String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(originHost);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? null
        : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst().orElse(null);
  }
}
