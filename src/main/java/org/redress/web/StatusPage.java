package org.redress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redress.closure.ComplainantAnswers;
import org.redress.closure.DecisionAnswer;
import org.redress.complaint.AccessCodes;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.improvement.SurveyAnswer;
import org.redress.notification.ComplainantMessage;
import org.redress.problem.FieldError;
import org.redress.problem.FormBinding;
import org.redress.problem.SubmissionRefused;
import org.redress.tracking.ComplaintTracking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The complainant's status page (ISO 10002 7.3): reference + access code, no login. Shows the stage
 * in plain words, the next deadline, the timeline meant for the complainant and the letters sent;
 * when the decision is out, accept or reject it with a reason (7.9); after closure, the
 * satisfaction survey once (8.3).
 */
@Controller
@RequestMapping("/complaints/status")
class StatusPage {

  private static final Map<String, String> LETTER_TITLES = Arrays.stream(ComplainantMessage.values())
      .collect(Collectors.toMap(Enum::name, ComplainantMessage::title));

  private final AccessCodes accessCodes;
  private final ComplaintTracking tracking;
  private final ComplainantAnswers answers;
  private final SatisfactionSurvey survey;
  private final FormTokens tokens;
  private final FormBinding binding;

  StatusPage(AccessCodes accessCodes, ComplaintTracking tracking, ComplainantAnswers answers,
      SatisfactionSurvey survey, FormTokens tokens, FormBinding binding) {
    this.binding = binding;
    this.accessCodes = accessCodes;
    this.tracking = tracking;
    this.answers = answers;
    this.survey = survey;
    this.tokens = tokens;
  }

  @GetMapping
  public String status(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    if (reference == null || reference.isBlank()) {
      return lookup(model, null, null);
    }
    return open(reference, code, model, request, response, null, List.of());
  }

  @PostMapping("/answer")
  public String answer(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
      @RequestParam(required = false) String answer, @RequestParam(required = false) String reason, Model model,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    return act(reference, code, model, request, response, redirect, ref -> {
      answers.answer(ref, binding.bind(values("answer", answer, "reason", reason), DecisionAnswer.class).orRefuse());
      return DecisionAnswer.ACCEPT.equals(answer)
          ? "Thank you. You accepted our decision; we will now carry out what was agreed."
          : "Thank you. You rejected our decision; someone who was not involved will review it.";
    });
  }

  @PostMapping("/survey")
  public String survey(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
      @RequestParam(required = false) String rating, @RequestParam(required = false) String comment, Model model,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    return act(reference, code, model, request, response, redirect, ref -> {
      survey.answer(ref, binding.bind(values("rating", rating, "comment", comment), SurveyAnswer.class).orRefuse());
      return "Thank you for rating how we handled your complaint.";
    });
  }

  /** Runs the action; on success back to the status page by GET (a reload never sends it again). */
  private String act(String reference, String code, Model model, HttpServletRequest request,
      HttpServletResponse response, RedirectAttributes redirect, java.util.function.Function<String, String> action) {
    String ref;
    try {
      ref = accessCodes.verify(reference, code);
    } catch (AccessCodes.ComplaintNotFound | AccessCodes.TooManyAttempts e) {
      return refused(e, reference, model, response);
    }
    try {
      redirect.addFlashAttribute("message", action.apply(ref));
      return "redirect:" + UriComponentsBuilder.fromPath("/complaints/status").queryParam("reference", ref)
          .queryParam("code", code).encode().toUriString();
    } catch (SubmissionRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return open(ref, code, model, request, response, null, e.errors());
    } catch (ComplainantAnswers.NotAwaited | SatisfactionSurvey.NotOpen e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return open(ref, code, model, request, response, e.getMessage(), List.of());
    }
  }

  /** The fields of a form on this page as sent (an absent field stays absent). */
  private static Map<String, String> values(String field, String value, String otherField, String otherValue) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(field, value);
    values.put(otherField, otherValue);
    return values;
  }

  private String open(String reference, String code, Model model, HttpServletRequest request,
      HttpServletResponse response, String message, List<FieldError> errors) {
    String ref;
    try {
      ref = accessCodes.verify(reference, code);
    } catch (AccessCodes.ComplaintNotFound | AccessCodes.TooManyAttempts e) {
      return refused(e, reference, model, response);
    }
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.merge(e.field(), e.reason(), (a, b) -> a + "; " + b));
    model.addAttribute("view", tracking.view(ref));
    model.addAttribute("code", code);
    if (message != null || !model.containsAttribute("message")) {
      model.addAttribute("message", message);
    }
    model.addAttribute("errors", byField);
    model.addAttribute("letterTitles", LETTER_TITLES);
    model.addAttribute("formToken", tokens.token(request, response));
    return "complaints/status";
  }

  private String refused(RuntimeException e, String reference, Model model, HttpServletResponse response) {
    boolean throttled = e instanceof AccessCodes.TooManyAttempts;
    response.setStatus(throttled ? 429 : HttpServletResponse.SC_NOT_FOUND);
    return lookup(model, reference, throttled
        ? "Too many wrong access codes for this reference. Please try again in 15 minutes."
        : "We found no complaint with this reference and access code. Please check both.");
  }

  private String lookup(Model model, String reference, String error) {
    model.addAttribute("view", null);
    model.addAttribute("reference", reference);
    model.addAttribute("lookupError", error);
    return "complaints/status";
  }
}
