package org.redress.auditing;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.EngineClock;
import org.redress.problem.RefusedRequest;
import org.springframework.stereotype.Component;

/**
 * The evidence an auditor takes away (ISO 10002 4.12, 8.5): the complaint as submitted, where it
 * stands, its full process history, the domain timeline with its hash chain, the verification of
 * that chain and the head hash — the value to compare with a case file exported earlier.
 */
@Component
class CaseFile {

  public record Document(String reference, OffsetDateTime generatedAt, String generatedBy, String headHash,
      VerifyTimeline.Verification verification, Map<String, Object> complaint, ComplaintState state,
      ComplaintHistory.History history) {}

  private final ComplaintRepository complaints;
  private final ComplaintHistory history;

  public CaseFile(ComplaintRepository complaints, ComplaintHistory history) {
    this.complaints = complaints;
    this.history = history;
  }

  public Document of(String reference, Auditor caller) {
    Complaint c = complaints.find(reference).orElseThrow(() -> RefusedRequest.notFound("No complaint " + reference));
    ComplaintHistory.History h = history.of(reference, caller.seesPersonalData());
    return new Document(reference, EngineClock.now(), caller.userId(), h.verification().headHash(), h.verification(),
        asSubmitted(c, caller.seesPersonalData()), complaints.state(reference), h);
  }

  /** The complaint as submitted; who the complainant is only for those who may see personal data. */
  static Map<String, Object> asSubmitted(Complaint c, boolean seesPersonalData) {
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("reference", c.reference());
    complaint.put("channel", c.channel().code());
    complaint.put("receivedAt", ComplaintSearch.utc(c.receivedAt()));
    complaint.put("receivedBy", c.receivedBy());
    if (seesPersonalData) {
      complaint.put("complainantName", c.complainantName());
      complaint.put("complainantOrganisation", c.complainantOrganisation());
      complaint.put("complainantEmail", c.complainantEmail());
      complaint.put("complainantPhone", c.complainantPhone());
      complaint.put("complainantAddress", c.complainantAddress());
      complaint.put("onBehalfOf", c.onBehalfOf());
      complaint.put("orderReference", c.orderReference());
    } else {
      complaint.put("complainant", ComplaintHistory.WITHHELD);
    }
    complaint.put("preferredChannel", c.preferredChannel());
    complaint.put("preferredLanguage", c.preferredLanguage());
    complaint.put("productOrService", c.productOrService());
    complaint.put("problemDate", c.problemDate());
    complaint.put("description", c.description());
    complaint.put("remedyRequested", c.remedyRequested());
    complaint.put("amountAtStake", c.amountAtStake());
    complaint.put("safetyConcern", c.safetyConcern());
    complaint.put("legalOrRegulatory", c.legalOrRegulatory());
    complaint.put("immediateActionAtReceipt", c.immediateActionAtReceipt());
    return complaint;
  }
}
