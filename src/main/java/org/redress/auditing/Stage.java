package org.redress.auditing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.IsoClause;

/** The ISO 10002 clause 7 stage a complaint's status belongs to, for the auditors' search. */
enum Stage {
  RECEIPT("Receipt", List.of(IsoClause.RECEIPT), ComplaintStatus.RECEIVED),
  ASSESSMENT("Acknowledgement and initial assessment", List.of(IsoClause.ACKNOWLEDGEMENT, IsoClause.INITIAL_ASSESSMENT),
      ComplaintStatus.ASSESSED, ComplaintStatus.ACKNOWLEDGED),
  INVESTIGATION("Investigation", List.of(IsoClause.INVESTIGATION), ComplaintStatus.UNDER_INVESTIGATION),
  RESPONSE("Response", List.of(IsoClause.RESPONSE), ComplaintStatus.RESPONSE_PROPOSED),
  // the decision is out: the complainant's answer, internal review and external recourse belong to closing (7.9)
  DECISION("Decision and recourse", List.of(IsoClause.COMMUNICATING_THE_DECISION, IsoClause.CLOSING),
      ComplaintStatus.DECISION_COMMUNICATED, ComplaintStatus.DECISION_ACCEPTED, ComplaintStatus.UNDER_INTERNAL_REVIEW,
      ComplaintStatus.EXTERNAL_RECOURSE),
  CLOSURE("Closing", List.of(IsoClause.CLOSING), ComplaintStatus.CLOSED);

  private final String words;
  private final List<IsoClause> clauses;
  private final List<ComplaintStatus> statuses;

  Stage(String words, List<IsoClause> clauses, ComplaintStatus... statuses) {
    this.words = words;
    this.clauses = clauses;
    this.statuses = List.of(statuses);
  }

  public List<String> statusNames() {
    return statuses.stream().map(Enum::name).toList();
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<IsoClause> clauses() {
    return clauses;
  }

  /** "Closing (7.9)": the stage in words with its clause numbers. */
  public String label() {
    return words + " (" + clauses.stream().map(IsoClause::number).collect(Collectors.joining(", ")) + ")";
  }

  public static Optional<Stage> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code)).findFirst();
  }

  public static Optional<Stage> ofStatus(String status) {
    return Arrays.stream(values()).filter(s -> s.statusNames().contains(status)).findFirst();
  }

  public static String of(String status) {
    return ofStatus(status).map(Stage::code).orElse(null);
  }
}
