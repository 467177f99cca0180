package org.redress.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redress.closure.ComplainantAnswers;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.intake.FieldError;
import org.redress.intake.IdempotentSubmissions;
import org.redress.intake.SubmissionRefused;
import org.redress.tracking.AccessCodes;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is application/problem+json (RFC 9457) with the refused fields and the
 * reasons in {@code errors}: [{field, reason}]. Malformed JSON, wrong types, oversized bodies, bad
 * encodings are 4xx. Applies to every controller (also before a handler is found: 404, 405, 415,
 * oversized uploads), but catches only these known exceptions; anything unexpected in the
 * complainants' controllers is {@link UnexpectedErrors}' business.
 */
@RestControllerAdvice
@Order(0) // before UnexpectedErrors, which only catches what no handler here knows
public class ApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(SubmissionRefused.class)
  ResponseEntity<Object> refused(SubmissionRefused e) {
    return problem(HttpStatus.BAD_REQUEST, "Some values were refused", e.getMessage(), e.errors(), "invalid-submission");
  }

  @ExceptionHandler(AccessCodes.ComplaintNotFound.class)
  ResponseEntity<Object> notFound(AccessCodes.ComplaintNotFound e) {
    ResponseEntity<Object> answer = problem(HttpStatus.NOT_FOUND, "Complaint not found", e.getMessage(), List.of(),
        "complaint-not-found");
    ((ProblemDetail) answer.getBody()).setInstance(URI.create("/api/complaints")); // the same answer for every reference
    return answer;
  }

  @ExceptionHandler(AccessCodes.TooManyAttempts.class)
  ResponseEntity<Object> tooMany(AccessCodes.TooManyAttempts e) {
    ResponseEntity<Object> answer = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", e.getMessage(),
        List.of(), "too-many-attempts");
    return ResponseEntity.status(answer.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
        .body(answer.getBody());
  }

  @ExceptionHandler({ComplainantAnswers.NotAwaited.class, SatisfactionSurvey.NotOpen.class,
      IdempotentSubmissions.KeyInProgress.class})
  ResponseEntity<Object> conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), List.of(), "conflict");
  }

  @ExceptionHandler(IdempotentSubmissions.KeyReused.class)
  ResponseEntity<Object> keyReused(IdempotentSubmissions.KeyReused e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage(),
        List.of(new FieldError("Idempotency-Key", "was used before with a different request")), "idempotency-key-reused");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (causedBy(e, RequestBodyLimit.TooLarge.class)) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "The request body is too large.",
          List.of(new FieldError("body", "must be at most " + RequestBodyLimit.MAX_JSON_BYTES / 1024 + " KB")), "too-large");
    }
    String reason;
    String field = "body";
    if (e.getCause() instanceof JsonParseException parse) {
      reason = "is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
          + parse.getLocation().getColumnNr() + ")";
    } else if (e.getCause() instanceof JsonMappingException mapping) {
      String path = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      field = path.isEmpty() ? "body" : path;
      reason = path.isEmpty() ? "must be a JSON object" : "has the wrong type";
    } else {
      reason = "is missing or not readable (JSON in UTF-8 expected)";
    }
    return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body could not be read.",
        List.of(new FieldError(field, reason)), "unreadable");
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return pageAware(request, problem(HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large", "An attachment or the whole upload is too large.",
        List.of(new FieldError("attachments", "each file at most 10 MB, at most 5 files")), "too-large"));
  }

  private static ResponseEntity<Object> pageAware(WebRequest request, ResponseEntity<Object> answer) {
    return request instanceof ServletWebRequest servlet ? forPages(servlet.getRequest(), answer) : answer;
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE,
          new ServletWebRequest(request));
    }
    return forPages(request, problem(HttpStatus.BAD_REQUEST, "Unreadable upload", "The multipart request could not be read.",
        List.of(new FieldError("body", "is not a readable multipart/form-data request")), "unreadable"));
  }

  /** Spring MVC's own errors (405, 406, 415, missing parts …) keep their status; a 5xx never shows details. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem && statusCode.is5xxServerError()) {
      problem.setDetail("Please try again later.");
    }
    ResponseEntity<Object> answer = super.createResponseEntity(body, headers, statusCode, request);
    return request instanceof ServletWebRequest servlet ? forPages(servlet.getRequest(), answer) : answer;
  }

  /**
   * A browser on the public pages (not the API) gets the problem as a plain HTML page with a way
   * back, not as JSON — e.g. an upload over the size limit on the complaint form.
   */
  static ResponseEntity<Object> forPages(HttpServletRequest request, ResponseEntity<Object> answer) {
    String path = request.getRequestURI();
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    boolean page = !path.startsWith("/api/") && !path.startsWith("/v3/") && accept != null && accept.contains("text/html");
    if (!page || !(answer.getBody() instanceof ProblemDetail problem)) {
      return answer;
    }
    String title = HtmlUtils.htmlEscape(problem.getTitle() == null ? "Something went wrong" : problem.getTitle());
    String detail = HtmlUtils.htmlEscape(problem.getDetail() == null ? "" : problem.getDetail());
    String errors = "";
    if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> list) {
      errors = "<ul>" + list.stream().map(e -> "<li>" + HtmlUtils.htmlEscape(String.valueOf(((Map<?, ?>) e).get("field"))
          + " " + ((Map<?, ?>) e).get("reason")) + "</li>").collect(Collectors.joining()) + "</ul>";
    }
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
        + "<link rel=\"stylesheet\" href=\"/css/redress.css\"></head><body><main id=\"main\"><h1>" + title + "</h1>"
        + "<p>" + detail + "</p>" + errors + "<p>Please go back and try again, or start at "
        + "<a href=\"/\">How to complain</a>.</p></main></body></html>";
    return ResponseEntity.status(answer.getStatusCode()).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }

  static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors,
      String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://redress.example/problems/" + type));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
    }
    return ResponseEntity.status(status).body(problem);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
