package org.redress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.closure.ComplainantAnswers;
import org.redress.closure.DecisionAnswer;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.AccessCodes;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.improvement.SurveyAnswer;
import org.redress.intake.AddedInformation;
import org.redress.intake.Attachment;
import org.redress.intake.Attachments;
import org.redress.problem.FieldError;
import org.redress.problem.FormBinding;
import org.redress.problem.SubmissionRefused;
import org.redress.tracking.CodeRecovery;
import org.redress.tracking.ComplaintTracking;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The complainant's status page (ISO 10002 7.3): reference + access code sent by POST (never in the
 * address), then followed in this browser's session ({@link StatusSession}). Shows the stage in plain
 * words, the next deadline, what the complainant submitted, the events meant for them and the letters
 * sent; while open, they can add information or files; when the decision is out, accept or reject it
 * — each after a confirmation step (7.9); after closure, the satisfaction survey once (8.3). "I lost my
 * code" sends a new one to the e-mail address on file ({@link CodeRecovery}).
 */
@Controller
@RequestMapping("/complaints/status")
class StatusPage {

  private static final String PAGE = "complaints/status";
  private static final String HERE = "redirect:/complaints/status";

  private final StatusSession session;
  private final ComplaintTracking tracking;
  private final ComplainantAnswers answers;
  private final SatisfactionSurvey survey;
  private final AddedInformation information;
  private final Attachments attachments;
  private final CodeRecovery recovery;
  private final FormTokens tokens;
  private final FormBinding binding;
  private final PublicTexts texts;
  private final ComplainantQuestions questions;

  StatusPage(StatusSession session, ComplaintTracking tracking, ComplainantAnswers answers, SatisfactionSurvey survey,
      AddedInformation information, Attachments attachments, CodeRecovery recovery, FormTokens tokens,
      FormBinding binding, PublicTexts texts, ComplainantQuestions questions) {
    this.questions = questions;
    this.texts = texts;
    this.session = session;
    this.tracking = tracking;
    this.answers = answers;
    this.survey = survey;
    this.information = information;
    this.attachments = attachments;
    this.recovery = recovery;
    this.tokens = tokens;
    this.binding = binding;
  }

  /**
   * The complaint this browser follows, or the lookup form. An old link that still carries the code
   * in its address opens nothing: it fills in the reference and asks for the code to be typed.
   */
  @GetMapping
  public String status(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    Optional<String> current = session.current(request);
    if (current.isPresent() && (reference == null || current.get().equalsIgnoreCase(reference.strip()))) {
      return show(current.get(), model, request, response, List.of());
    }
    model.addAttribute("codeInLink", code != null && !code.isBlank());
    return lookup(model, request, response, reference, null);
  }

  @PostMapping
  public String open(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    try {
      session.open(request, reference, code);
      return HERE;
    } catch (AccessCodes.TooManyAttempts e) {
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
      return lookup(model, request, response, reference,
          texts.text("status.throttled", texts.minutes(e.retryAfter().toSeconds())));
    } catch (AccessCodes.ComplaintNotFound e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return lookup(model, request, response, reference, texts.text("status.notFound"));
    }
  }

  /** Accept or reject: the first POST shows what will happen and asks to confirm; the second records it. */
  @PostMapping("/answer")
  public String answer(@RequestParam(required = false) String answer, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String confirmed, Model model, HttpServletRequest request,
      HttpServletResponse response, RedirectAttributes redirect) {
    Optional<String> ref = session.current(request);
    if (ref.isEmpty()) {
      return HERE;
    }
    try {
      DecisionAnswer checked = binding.bind(values("answer", answer, "reason", reason), DecisionAnswer.class).orRefuse();
      ComplaintTracking.View view = tracking.view(ref.get());
      if (!"yes".equals(confirmed)) {
        model.addAttribute("confirm", checked);
        return show(ref.get(), model, request, response, List.of());
      }
      answers.answer(ref.get(), checked);
      boolean reviewed = view.decision() != null && view.decision().afterInternalReview();
      redirect.addFlashAttribute("message", texts.text(checked.accepts() ? "message.accepted"
          : reviewed ? "message.rejectedAfterReview" : "message.rejected"));
      return HERE;
    } catch (SubmissionRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(ref.get(), model, request, response, e.errors());
    } catch (ComplainantAnswers.NotAwaited e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("message", texts.text("message.notAwaited"));
      return show(ref.get(), model, request, response, List.of());
    }
  }

  @PostMapping("/survey")
  public String survey(@RequestParam(required = false) String rating, @RequestParam(required = false) String comment,
      Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    Optional<String> ref = session.current(request);
    if (ref.isEmpty()) {
      return HERE;
    }
    try {
      survey.answer(ref.get(), binding.bind(values("rating", rating, "comment", comment), SurveyAnswer.class).orRefuse());
      redirect.addFlashAttribute("message", texts.text("message.rated"));
      return HERE;
    } catch (SubmissionRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(ref.get(), model, request, response, e.errors());
    } catch (SatisfactionSurvey.NotOpen e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("message", texts.text("message.surveyNotOpen"));
      return show(ref.get(), model, request, response, List.of());
    }
  }

  /** More information or files while the complaint is open: on the timeline and in the handler's task. */
  @PostMapping("/information")
  public String addInformation(HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect) throws IOException {
    Optional<String> ref = session.current(request);
    if (ref.isEmpty()) {
      return HERE;
    }
    List<Attachment> files = new ArrayList<>();
    if (request instanceof MultipartHttpServletRequest multipart) {
      for (MultipartFile file : multipart.getFiles(Attachments.FIELD)) {
        if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
          files.add(new Attachment(file.getOriginalFilename(), file.getBytes()));
        }
      }
    }
    String text = request.getParameter(AddedInformation.TEXT);
    try {
      information.add(ref.get(), text, files);
      redirect.addFlashAttribute("message", texts.text("message.added"));
      return HERE;
    } catch (SubmissionRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("information", text);
      return show(ref.get(), model, request, response, e.errors());
    } catch (AddedInformation.Closed e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("message", texts.text("message.closed"));
      return show(ref.get(), model, request, response, List.of());
    }
  }

  /** A file of the complaint this browser follows, always as a download. */
  @GetMapping("/files/{id}")
  public ResponseEntity<byte[]> file(@PathVariable long id, HttpServletRequest request) {
    Attachments.Content file = session.current(request).flatMap(ref -> attachments.content(ref, id))
        .orElseThrow(AccessCodes.ComplaintNotFound::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(file.bytes());
  }

  /** Forget the complaint on this device (a shared computer). */
  @PostMapping("/leave")
  public String leave(HttpServletRequest request) {
    session.close(request);
    return HERE;
  }

  @GetMapping("/lost-code")
  public String lostCode(@RequestParam(required = false) String reference, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("reference", reference);
    model.addAttribute("formToken", tokens.token(request, response));
    return "complaints/lost-code";
  }

  /** The same answer whether or not reference and e-mail address match; limited per client and in total. */
  @PostMapping("/lost-code")
  public String sendNewCode(@RequestParam(required = false) String reference,
      @RequestParam(required = false) String email, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("formToken", tokens.token(request, response));
    model.addAttribute("reference", reference);
    try {
      recovery.request(reference, email, request.getRemoteAddr());
      model.addAttribute("sent", true);
    } catch (CodeRecovery.TooManyRequests e) {
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
      model.addAttribute("lookupError", texts.text("lost.throttled", texts.minutes(e.retryAfter().toSeconds())));
    }
    return "complaints/lost-code";
  }

  /** The fields of a form on this page as sent (an absent field stays absent). */
  private static Map<String, String> values(String field, String value, String otherField, String otherValue) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(field, value);
    values.put(otherField, otherValue);
    return values;
  }

  private String show(String ref, Model model, HttpServletRequest request, HttpServletResponse response,
      List<FieldError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.merge(e.field().startsWith(Attachments.FIELD) ? Attachments.FIELD : e.field(),
        texts.reason(e.reason()), (a, b) -> a + "; " + b));
    model.addAttribute("view", tracking.view(ref));
    model.addAttribute("canAddInformation", information.open(ref));
    model.addAttribute("question", questions.waiting(ref).orElse(null)); // 7.6: our question waits for the answer
    if (!model.containsAttribute("message")) {
      model.addAttribute("message", null);
    }
    model.addAttribute("errors", byField);
    model.addAttribute("formToken", tokens.token(request, response));
    return PAGE;
  }

  private String lookup(Model model, HttpServletRequest request, HttpServletResponse response, String reference,
      String error) {
    model.addAttribute("view", null);
    model.addAttribute("reference", reference);
    model.addAttribute("lookupError", error);
    model.addAttribute("formToken", tokens.token(request, response));
    return PAGE;
  }
}
