package org.redress.assessment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.redress.complaint.Complaint;

/** The facts the initial-assessment DMN table decides on (7.5). */
record AssessmentFacts(boolean safetyRisk, boolean legalOrRegulatory, double amountAtStake,
    int earlierComplaints) {

  static AssessmentFacts of(Complaint complaint, int earlierComplaints, AssessmentSettings settings) {
    String text = (complaint.description() + " " + nullToEmpty(complaint.remedyRequested())).toLowerCase(Locale.ROOT);
    boolean safety = complaint.safetyConcern() || mentionsAny(text, settings.safetyKeywords());
    boolean legal = complaint.legalOrRegulatory() || mentionsAny(text, settings.legalKeywords());
    double amount = complaint.amountAtStake() == null ? 0 : complaint.amountAtStake().doubleValue();
    return new AssessmentFacts(safety, legal, amount, earlierComplaints);
  }

  Map<String, Object> asDecisionInputs() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("safetyRisk", safetyRisk);
    inputs.put("legalOrRegulatory", legalOrRegulatory);
    inputs.put("amountAtStake", amountAtStake);
    inputs.put("earlierComplaints", earlierComplaints);
    return inputs;
  }

  /** One pattern per keyword list, compiled once: the lists are settings, fixed while Redress runs. */
  private static final Map<java.util.List<String>, java.util.regex.Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Whole words or phrases only: "sue" must not match "issue", nor "fire" match "fired". */
  static boolean mentionsAny(String text, java.util.List<String> keywords) {
    return !keywords.isEmpty() && PATTERNS.computeIfAbsent(java.util.List.copyOf(keywords), AssessmentFacts::wholeWords)
        .matcher(text).find();
  }

  private static java.util.regex.Pattern wholeWords(java.util.List<String> keywords) {
    return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", keywords.stream()
        .map(k -> java.util.regex.Pattern.quote(k.toLowerCase(Locale.ROOT))).toList()) + ")(?![\\p{L}\\p{N}])");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
