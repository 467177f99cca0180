package org.redress.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The one place where an error becomes an answer. Every error of a Redress controller (and of Spring
 * MVC before a controller is found: 404, 405, 415, unreadable or oversized bodies) is an RFC 9457
 * problem — a {@link RefusedRequest} carries its own — answered as application/problem+json with the
 * refused fields in {@code errors: [{field, reason}]}; a browser on a page (not the API) gets the same
 * problem as the error page {@code templates/error.html}. Anything unexpected is a 500 without details,
 * logged with its stack trace for operators — except a database that cannot be reached right now, which is
 * a 503 with {@code Retry-After} ({@link DatabaseUnavailable}).
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswers.class);

  private final ITemplateEngine pages;

  ProblemAnswers(ITemplateEngine pages) {
    this.pages = pages;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    BodyTooLarge tooLarge = cause(e, BodyTooLarge.class);
    if (tooLarge != null) {
      return createResponseEntity(RefusedRequest.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
          "The request body is too large.", List.of(new FieldError("body",
              "must be at most " + tooLarge.limitBytes() / 1024 + " KB"))), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }
    String reason;
    String field = "body";
    if (e.getCause() instanceof JsonParseException parse) {
      reason = "is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
          + parse.getLocation().getColumnNr() + ")";
    } else if (e.getCause() instanceof MismatchedInputException trailing
        && String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
      // spring.jackson.deserialization.fail-on-trailing-tokens: "{...} {...}" is not one JSON body
      reason = "must be one JSON value with nothing after it";
    } else if (e.getCause() instanceof JsonMappingException mapping) {
      String path = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      field = path.isEmpty() ? "body" : path;
      reason = path.isEmpty() ? "must be a JSON object" : "has the wrong type";
    } else {
      reason = "is missing or not readable (JSON in UTF-8 expected)";
    }
    return createResponseEntity(RefusedRequest.problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request",
        "The request body could not be read.", List.of(new FieldError(field, reason))), headers, HttpStatus.BAD_REQUEST,
        request);
  }

  /** A form record as request body that {@code @Valid} refused: the same answer as every refused form. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    SubmissionRefused refused = new SubmissionRefused(FormBinding.errors(e.getBindingResult()));
    return createResponseEntity(refused.getBody(), refused.getHeaders(), refused.getStatusCode(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return createResponseEntity(RefusedRequest.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Upload too large",
        "An attachment or the whole upload is too large.",
        List.of(new FieldError("attachments", "each file at most 10 MB, at most 5 files"))), headers,
        HttpStatus.PAYLOAD_TOO_LARGE, request);
  }

  /** An address nothing answers: said in words, not as "No static resource …". */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return createResponseEntity(RefusedRequest.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
        "There is nothing at this address.", List.of()), headers, HttpStatus.NOT_FOUND, request);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> multipart(MultipartException e, WebRequest request) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
    }
    return createResponseEntity(RefusedRequest.problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable upload",
        "The multipart request could not be read.",
        List.of(new FieldError("body", "is not a readable multipart/form-data request"))), new HttpHeaders(),
        HttpStatus.BAD_REQUEST, request);
  }

  /**
   * A failure nobody expected: a plain 500 problem (or page) without details; the stack trace goes to the log.
   * Unless the database cannot be reached right now ({@link DatabaseUnavailable}): then 503 with Retry-After,
   * logged in one line, and the next request after the database is back succeeds.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "?";
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn("Database unavailable on {}: {}", path, e.getMessage());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      return createResponseEntity(RefusedRequest.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
          "Temporarily unavailable", "We cannot take requests for a moment. Please try again in a minute;"
              + " nothing you sent earlier is lost.", List.of()), headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
    LOG.error("Unexpected {} on {}", e.getClass().getName(), path, e);
    return createResponseEntity(RefusedRequest.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
        "Something went wrong on our side", "Please try again later.", List.of()), new HttpHeaders(),
        HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  /** Every answer passes here: a 5xx never shows details; a browser on a page gets the error page. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem && statusCode.is5xxServerError()
        && statusCode.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
      problem.setDetail("Please try again later.");
    }
    if (request instanceof ServletWebRequest servlet && wantsPage(servlet.getRequest())
        && body instanceof ProblemDetail problem) {
      return ResponseEntity.status(statusCode).headers(headers)
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page(problem, servlet));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  /** A browser on the public or staff pages, not a client of the API. */
  private static boolean wantsPage(HttpServletRequest request) {
    String path = request.getRequestURI();
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return !path.startsWith("/api/") && !path.startsWith("/v3/") && accept != null && accept.contains("text/html");
  }

  private String page(ProblemDetail problem, ServletWebRequest servlet) {
    Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
    IWebExchange exchange = JakartaServletWebApplication.buildApplication(servlet.getRequest().getServletContext())
        .buildExchange(servlet.getRequest(), servlet.getResponse());
    String type = problem.getType() == null ? "" : problem.getType().getPath();
    // in the page's language (the public pages' bundles word the problems they can meet, by type)
    WebContext model = new WebContext(exchange, LocaleContextHolder.getLocale(), Map.of(
        "status", problem.getStatus(),
        "title", problem.getTitle() == null ? "Something went wrong" : problem.getTitle(),
        "detail", problem.getDetail() == null ? "" : problem.getDetail(),
        "problemType", type.substring(type.lastIndexOf('/') + 1),
        "errors", errors instanceof List<?> list ? list : List.of()));
    return pages.process("error", model);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
