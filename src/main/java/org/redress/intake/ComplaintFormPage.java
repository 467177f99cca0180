package org.redress.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.complaint.Channel;
import org.redress.web.FormTokens;
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
public class ComplaintFormPage {

  private static final List<String> FLAGS = List.of(ComplaintSubmission.SAFETY, ComplaintSubmission.LEGAL);
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry(ComplaintSubmission.NAME, "Your name"),
      Map.entry(ComplaintSubmission.ORGANISATION, "Organisation"),
      Map.entry(ComplaintSubmission.ON_BEHALF_OF, "On behalf of"),
      Map.entry(ComplaintSubmission.EMAIL, "E-mail address"),
      Map.entry(ComplaintSubmission.PHONE, "Phone number"),
      Map.entry(ComplaintSubmission.ADDRESS, "Postal address"),
      Map.entry(ComplaintSubmission.PREFERRED_CHANNEL, "Contact channel"),
      Map.entry(ComplaintSubmission.PREFERRED_LANGUAGE, "Language"),
      Map.entry(ComplaintSubmission.PRODUCT, "Product or service"),
      Map.entry(ComplaintSubmission.ORDER_REFERENCE, "Order, account or contract number"),
      Map.entry(ComplaintSubmission.PROBLEM_DATE, "Date of the problem"),
      Map.entry(ComplaintSubmission.DESCRIPTION, "What happened"),
      Map.entry(ComplaintSubmission.REMEDY, "What you would like us to do"),
      Map.entry(ComplaintSubmission.AMOUNT, "Amount in question"),
      Map.entry(Attachments.FIELD, "Attachments"));

  private final ComplaintIntake intake;
  private final FormTokens tokens;

  public ComplaintFormPage(ComplaintIntake intake, FormTokens tokens) {
    this.intake = intake;
    this.tokens = tokens;
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
    for (String field : ComplaintIntake.PUBLIC_FIELDS) {
      String value = request.getParameter(field);
      if (value == null || value.isBlank()) {
        continue;
      }
      values.put(field, value);
      submitted.put(field, FLAGS.contains(field) ? Boolean.valueOf("true".equals(value) || "on".equals(value)) : value);
    }
    List<Attachment> files = new ArrayList<>();
    if (request instanceof MultipartHttpServletRequest multipart) {
      for (MultipartFile file : multipart.getFiles(Attachments.FIELD)) {
        if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
          files.add(new Attachment(file.getOriginalFilename(), file.getBytes()));
        }
      }
    }
    try {
      ComplaintIntake.Receipt receipt = intake.submit(submitted, Channel.WEB, files);
      redirect.addFlashAttribute("reference", receipt.reference());
      redirect.addFlashAttribute("accessCode", receipt.accessCode());
      return "redirect:/complaints/submitted";
    } catch (SubmissionRefused refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(model, values, refused.errors(), request, response);
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

  private String show(Model model, Map<String, String> values, List<FieldError> errors, HttpServletRequest request,
      HttpServletResponse response) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError error : errors) {
      String field = error.field().startsWith(Attachments.FIELD) ? Attachments.FIELD : error.field();
      byField.merge(field, error.reason(), (a, b) -> a + "; " + b);
    }
    model.addAttribute("values", values);
    model.addAttribute("errors", byField);
    model.addAttribute("errorList", errors.stream().map(e -> {
      String field = e.field().startsWith(Attachments.FIELD) ? Attachments.FIELD : e.field();
      String anchor = ComplaintSubmission.PREFERRED_CHANNEL.equals(field) ? "preferredChannel-email" : field;
      return new FieldError(anchor, LABELS.getOrDefault(field, field) + " " + e.reason());
    }).toList());
    model.addAttribute("formToken", tokens.token(request, response));
    return "complaints/new";
  }
}
