package org.redress.auditing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redress.complaint.ComplaintStatus;

/** The ISO 10002 clause 7 stage a complaint's status belongs to, for the auditors' search. */
enum Stage {
  RECEIPT(ComplaintStatus.RECEIVED),                                      // 7.2
  ASSESSMENT(ComplaintStatus.ASSESSED, ComplaintStatus.ACKNOWLEDGED),     // 7.4, 7.5
  INVESTIGATION(ComplaintStatus.UNDER_INVESTIGATION),                     // 7.6
  RESPONSE(ComplaintStatus.RESPONSE_PROPOSED),                            // 7.7
  DECISION(ComplaintStatus.DECISION_COMMUNICATED, ComplaintStatus.DECISION_ACCEPTED,
      ComplaintStatus.UNDER_INTERNAL_REVIEW, ComplaintStatus.EXTERNAL_RECOURSE), // 7.8, 7.9
  CLOSURE(ComplaintStatus.CLOSED);                                        // 7.10

  private final List<ComplaintStatus> statuses;

  Stage(ComplaintStatus... statuses) {
    this.statuses = List.of(statuses);
  }

  public List<String> statusNames() {
    return statuses.stream().map(Enum::name).toList();
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stage> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code)).findFirst();
  }

  public static String of(String status) {
    return Arrays.stream(values()).filter(s -> s.statusNames().contains(status)).findFirst().map(Stage::code)
        .orElse(null);
  }
}
