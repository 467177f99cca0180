package org.redress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.complaint.Channel;
import org.redress.intake.Attachment;
import org.redress.intake.Attachments;
import org.redress.intake.ComplaintForm;
import org.redress.intake.ComplaintIntake;
import org.redress.intake.HeldAttachments;
import org.redress.intake.IdempotentSubmissions;
import org.redress.problem.FieldError;
import org.redress.problem.SubmissionRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public complaint form (ISO 10002 7.2, annex "complaint form"): every field of the standard's
 * form, checked on the server with the same rules as the API; a mistake shows the form again with
 * the message next to the field and nothing stored. After sending: the reference and the access
 * code, once.
 */
@Controller
@RequestMapping("/complaints")
class ComplaintFormPage {

  static final String SUBMISSION_ID = "_submission";
  /** A held file (by id) the complainant keeps for the next send. */
  static final String KEEP = "keepAttachment";
  private static final List<String> FLAGS = List.of(ComplaintForm.SAFETY, ComplaintForm.LEGAL);
  private final ComplaintIntake intake;
  private final FormTokens tokens;
  private final StatusSession statusSession;
  private final HeldAttachments held;
  private final PublicTexts texts;

  public ComplaintFormPage(ComplaintIntake intake, FormTokens tokens, StatusSession statusSession,
      HeldAttachments held, PublicTexts texts) {
    this.texts = texts;
    this.intake = intake;
    this.tokens = tokens;
    this.statusSession = statusSession;
    this.held = held;
  }

  @GetMapping("/new")
  public String form(Model model, HttpServletRequest request, HttpServletResponse response) {
    return show(model, Map.of(), List.of(), request, response);
  }

  @PostMapping("/new")
  public String submit(HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Object> submitted = new HashMap<>();
    for (String field : ComplaintForm.PUBLIC_FIELDS) {
      String value = request.getParameter(field);
      if (value == null || value.isBlank()) {
        continue;
      }
      values.put(field, value);
      submitted.put(field, FLAGS.contains(field) ? Boolean.valueOf("true".equals(value) || "on".equals(value)) : value);
    }
    String submissionId = request.getParameter(SUBMISSION_ID);
    boolean validId = submissionId != null && submissionId.matches("[0-9a-f-]{36}");
    String heldKey = validId ? heldKey(request.getParameter(FormTokens.FIELD), submissionId) : null;
    List<Long> keep = new ArrayList<>();
    for (String id : request.getParameterValues(KEEP) == null ? new String[0] : request.getParameterValues(KEEP)) {
      if (id.matches("\\d{1,18}")) {
        keep.add(Long.parseLong(id));
      }
    }
    List<Attachment> newFiles = new ArrayList<>();
    List<Attachment> files = new ArrayList<>(heldKey == null ? List.of() : held.kept(heldKey, keep));
    if (request instanceof MultipartHttpServletRequest multipart) {
      for (MultipartFile file : multipart.getFiles(Attachments.FIELD)) {
        if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
          newFiles.add(new Attachment(file.getOriginalFilename(), file.getBytes()));
        }
      }
    }
    files.addAll(newFiles);
    try {
      // A double click or a resend after a timeout records the complaint once: the form carries a
      // random submission id, used like the API's Idempotency-Key.
      ComplaintIntake.Idempotency once = validId
          ? new ComplaintIntake.Idempotency("web:" + submissionId, hash(values, files)) : null;
      ComplaintIntake.Receipt receipt = intake.submit(submitted, Channel.WEB, files, once);
      if (heldKey != null) {
        held.release(heldKey);
      }
      statusSession.remember(request, receipt.reference(), receipt.accessCode()); // "Follow your complaint" opens it
      redirect.addFlashAttribute("reference", receipt.reference());
      redirect.addFlashAttribute("accessCode", receipt.accessCode());
      return "redirect:/complaints/submitted";
    } catch (SubmissionRefused refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      // a browser never fills a file field again: the files that passed their own check are held and
      // offered again; any other is named, to be chosen again — nothing is lost unnoticed
      if (heldKey != null) {
        HeldAttachments.Result result = held.hold(heldKey, keep, newFiles, refused.errors());
        model.addAttribute("heldFiles", result.held());
        model.addAttribute("filesToChooseAgain", result.chooseAgain());
        model.addAttribute("submissionId", submissionId);
      } else {
        model.addAttribute("filesToChooseAgain", newFiles.stream().map(Attachment::fileName).toList());
      }
      return show(model, values, refused.errors(), request, response);
    } catch (IdempotentSubmissions.KeyReused | IdempotentSubmissions.KeyInProgress sentBefore) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("notice", texts.text("new.alreadySent"));
      return show(model, values, List.of(), request, response);
    }
  }

  /** The receipt, shown once (flash attributes): a reload goes to the status page instead. */
  @GetMapping("/submitted")
  public String submitted(Model model) {
    if (!model.containsAttribute("reference")) {
      return "redirect:/complaints/status";
    }
    return "complaints/submitted";
  }

  /** Held files belong to this browser's form (CSRF cookie, already checked) and this submission only. */
  private static String heldKey(String formToken, String submissionId) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest((formToken + ":" + submissionId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(Map<String, String> values, List<Attachment> files) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      new java.util.TreeMap<>(values).forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      for (Attachment file : files) {
        digest.update(file.content());
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String show(Model model, Map<String, String> values, List<FieldError> errors, HttpServletRequest request,
      HttpServletResponse response) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError error : errors) {
      String field = error.field().startsWith(Attachments.FIELD) ? Attachments.FIELD : error.field();
      byField.merge(field, texts.reason(error.reason()), (a, b) -> a + "; " + b);
    }
    model.addAttribute("values", values);
    model.addAttribute("errors", byField);
    model.addAttribute("errorList", errors.stream().map(e -> {
      String field = e.field().startsWith(Attachments.FIELD) ? Attachments.FIELD : e.field();
      String anchor = ComplaintForm.PREFERRED_CHANNEL.equals(field) ? "preferredChannel-email" : field;
      return new FieldError(anchor, texts.label(field) + " " + texts.reason(e.reason()));
    }).toList());
    model.addAttribute("formToken", tokens.token(request, response));
    if (!model.containsAttribute("submissionId")) {
      model.addAttribute("submissionId", java.util.UUID.randomUUID().toString());
    }
    if (!model.containsAttribute("heldFiles")) {
      model.addAttribute("heldFiles", List.of());
    }
    return "complaints/new";
  }
}
