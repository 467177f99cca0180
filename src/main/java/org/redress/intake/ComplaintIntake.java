package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.PROCESS_KEY;
import static org.redress.complaint.ComplaintVariables.REFERENCE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.Channel;
import org.redress.engine.InvalidSubmissionException;
import org.redress.problem.FieldError;
import org.redress.problem.SubmissionRefused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt of a complaint from the complainant (ISO 10002 7.2), by web form, API or e-mail. Checks
 * everything first and answers with every refused field; then, in ONE transaction, starts
 * complaint-handling.bpmn with the checked fields as variables (Task_RecordComplaint checks again,
 * stores the complaint and gives it its reference), stores the attachments and the access code's
 * hash, and records the Idempotency-Key — all of it or nothing.
 */
@Service
public class ComplaintIntake {

  /** What a complainant may submit: the complaint form without what only staff record. */
  public static final List<String> PUBLIC_FIELDS = ComplaintSubmission.FIELDS.stream()
      .filter(f -> !f.equals(ComplaintSubmission.CHANNEL) && !f.equals(ComplaintSubmission.IMMEDIATE_ACTION))
      .toList();

  /** The reference and the access code, shown to the complainant once. */
  public record Receipt(String reference, String accessCode) {}

  /** An Idempotency-Key and the hash of the request it came with. */
  public record Idempotency(String key, String requestHash) {}

  private final RuntimeService runtime;
  private final AccessCodes accessCodes;
  private final Attachments attachments;
  private final IdempotentSubmissions idempotency;
  private final TransactionTemplate transaction;

  public ComplaintIntake(RuntimeService runtime, AccessCodes accessCodes, Attachments attachments,
      IdempotentSubmissions idempotency, TransactionTemplate transaction) {
    this.runtime = runtime;
    this.accessCodes = accessCodes;
    this.attachments = attachments;
    this.idempotency = idempotency;
    this.transaction = transaction;
  }

  /** Checks a submission without storing anything; throws {@link SubmissionRefused} with every error. */
  public ComplaintSubmission.Valid check(Map<String, ?> submitted, Channel channel, List<Attachment> files) {
    List<FieldError> errors = new ArrayList<>();
    submitted.keySet().stream().filter(k -> !PUBLIC_FIELDS.contains(k)).sorted()
        .forEach(k -> errors.add(new FieldError(k, "is not a field of the complaint form")));
    Map<String, Object> values = new HashMap<>();
    submitted.forEach((k, v) -> {
      if (PUBLIC_FIELDS.contains(k)) {
        values.put(k, v);
      }
    });
    values.put(ComplaintSubmission.CHANNEL, channel.code());
    ComplaintSubmission.Result result = ComplaintSubmission.check(values);
    errors.addAll(result.errors());
    errors.addAll(attachments.check(files));
    if (!errors.isEmpty()) {
      throw new SubmissionRefused(errors);
    }
    return result.valid();
  }

  public Receipt submit(Map<String, ?> submitted, Channel channel, List<Attachment> files) {
    return submit(submitted, channel, files, null);
  }

  public Receipt submit(Map<String, ?> submitted, Channel channel, List<Attachment> files, Idempotency key) {
    if (key != null) {
      Optional<Receipt> earlier = replay(key);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    ComplaintSubmission.Valid valid = check(submitted, channel, files);
    try {
      return transaction.execute(status -> {
        if (key != null) {
          idempotency.claim(key.key(), key.requestHash());
        }
        Receipt receipt = record(valid, files);
        if (key != null) {
          idempotency.complete(key.key(), receipt.reference(), receipt.accessCode());
        }
        return receipt;
      });
    } catch (IdempotentSubmissions.KeyTaken taken) {
      IdempotentSubmissions.Stored stored = idempotency.await(key.key())
          .orElseThrow(IdempotentSubmissions.KeyInProgress::new);
      return answer(stored, key);
    } catch (InvalidSubmissionException refused) {
      throw SubmissionRefused.of(refused.field(), refused.reason());
    }
  }

  private Optional<Receipt> replay(Idempotency key) {
    return idempotency.find(key.key()).map(stored -> answer(stored, key));
  }

  private static Receipt answer(IdempotentSubmissions.Stored stored, Idempotency key) {
    if (!stored.requestHash().equals(key.requestHash())) {
      throw new IdempotentSubmissions.KeyReused();
    }
    return new Receipt(stored.reference(), stored.accessCode());
  }

  /** Starts the process with the checked values (same start as Tasklist's start form). */
  private Receipt record(ComplaintSubmission.Valid v, List<Attachment> files) {
    String reference = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(variables(v))
        .executeWithVariablesInReturn()
        .getVariables().getValue(REFERENCE, String.class);
    attachments.store(reference, files);
    // E-mail complainants see no screen: their code comes with the acknowledgement (AcknowledgeComplaint).
    return new Receipt(reference, v.channel() == Channel.EMAIL ? null : accessCodes.issue(reference));
  }

  static Map<String, Object> variables(ComplaintSubmission.Valid v) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ComplaintSubmission.CHANNEL, v.channel().code());
    put(vars, ComplaintSubmission.NAME, v.complainantName());
    put(vars, ComplaintSubmission.ORGANISATION, v.complainantOrganisation());
    put(vars, ComplaintSubmission.EMAIL, v.complainantEmail());
    put(vars, ComplaintSubmission.PHONE, v.complainantPhone());
    put(vars, ComplaintSubmission.ADDRESS, v.complainantAddress());
    put(vars, ComplaintSubmission.PREFERRED_CHANNEL, v.preferredChannel());
    put(vars, ComplaintSubmission.PREFERRED_LANGUAGE, v.preferredLanguage());
    put(vars, ComplaintSubmission.ON_BEHALF_OF, v.onBehalfOf());
    put(vars, ComplaintSubmission.PRODUCT, v.productOrService());
    put(vars, ComplaintSubmission.ORDER_REFERENCE, v.orderReference());
    put(vars, ComplaintSubmission.PROBLEM_DATE, v.problemDate() == null ? null : v.problemDate().toString());
    put(vars, ComplaintSubmission.DESCRIPTION, v.description());
    put(vars, ComplaintSubmission.REMEDY, v.remedyRequested());
    put(vars, ComplaintSubmission.AMOUNT, v.amountAtStake() == null ? null : v.amountAtStake().toPlainString());
    vars.put(ComplaintSubmission.SAFETY, v.safetyConcern());
    vars.put(ComplaintSubmission.LEGAL, v.legalOrRegulatory());
    put(vars, ComplaintSubmission.IMMEDIATE_ACTION, v.immediateActionAtReceipt());
    return vars;
  }

  private static void put(Map<String, Object> vars, String name, Object value) {
    if (value != null) {
      vars.put(name, value);
    }
  }
}
