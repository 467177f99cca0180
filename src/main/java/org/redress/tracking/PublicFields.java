package org.redress.tracking;

import java.util.Map;
import java.util.Set;

/**
 * The staff form fields (forms/*.form) whose value reaches the complainant — on the status page
 * ({@link ComplaintTracking}) or in a letter (mail/*) — per form id (ISO 10002 4.10 confidentiality).
 * Every other field is internal and never shown to the complainant. Each field listed here says so in
 * its form ("Shown to the complainant"), and what is sent is shown for review before it goes out (the
 * approval step shows the response as the complainant will read it). PublicFieldsTest walks every
 * field of every form against this list and against what the status page and letters render.
 */
public final class PublicFields {

  /** The words each public field's description starts with in its form. */
  public static final String MARK = "Shown to the complainant";

  /** Form id → its fields that reach the complainant. */
  public static final Map<String, Set<String>> BY_FORM = Map.of(
      // what the complainant told us, registered by staff for phone, letter and in-person complaints
      "register-complaint", Set.of("complainantName", "productOrService", "orderReference", "problemDate",
          "description", "remedyRequested", "amountAtStake"),
      // the decision: what we will do and why (status page and decision letter)
      "propose-response", Set.of("responseRemedy", "responseExplanation"),
      "review-decision", Set.of("responseRemedy", "responseExplanation"));

  private PublicFields() {}

  public static boolean isPublic(String form, String field) {
    return BY_FORM.getOrDefault(form, Set.of()).contains(field);
  }
}
