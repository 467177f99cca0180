package org.redress.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.redress.closure.AnswerApi;
import org.redress.improvement.SurveyApi;
import org.redress.intake.ComplaintApi;
import org.redress.intake.ComplaintFormPage;
import org.redress.tracking.HowToComplainPage;
import org.redress.tracking.StatusApi;
import org.redress.tracking.StatusPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A failure nobody expected in the complainants' controllers: a plain 500 problem (or page) without
 * details, logged with the stack trace for operators. Scoped to these controllers so it never
 * swallows other parts' exceptions (e.g. Spring Security's access denied elsewhere).
 */
@RestControllerAdvice(assignableTypes = {ComplaintApi.class, StatusApi.class, AnswerApi.class, SurveyApi.class,
    ComplaintFormPage.class, StatusPage.class, HowToComplainPage.class})
@Order(1)
public class UnexpectedErrors {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) throws Exception {
    if (e.getClass().getName().startsWith("org.springframework.security.")) {
      throw e; // access decisions belong to the security filters
    }
    LOG.error("Unexpected {} on {}", e.getClass().getName(), request.getRequestURI(), e);
    return ApiProblems.forPages(request, ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side", "Please try again later.", List.of(), "internal"));
  }
}
