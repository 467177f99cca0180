package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The complaint reference in every log line a request about one complaint writes: taken from the address
 * ({@code /api/complaints/C-2026-000123/…}) or the {@code reference} parameter (status page, staff API) and
 * put into the logging context (MDC) as {@value #KEY} — the key under which the engine puts the business key
 * (= the reference) while it runs a job or command of that complaint
 * ({@code camunda.bpm.generic-properties.properties.logging-context-business-key}). The console pattern and
 * the structured JSON logs (profile json-logs) carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ComplaintReferenceLogging extends OncePerRequestFilter {

  static final String KEY = "complaintReference";
  private static final Pattern REFERENCE = Pattern.compile("C-\\d{4}-\\d{6,}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String reference = reference(request);
    if (reference == null) {
      chain.doFilter(request, response);
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, reference)) {
      chain.doFilter(request, response);
    }
  }

  static String reference(HttpServletRequest request) {
    Matcher inPath = REFERENCE.matcher(request.getRequestURI());
    if (inPath.find()) {
      return inPath.group();
    }
    String parameter = request.getQueryString() == null ? null : request.getParameter("reference");
    return parameter != null && REFERENCE.matcher(parameter.strip()).matches() ? parameter.strip() : null;
  }
}
