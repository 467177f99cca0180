package org.redress.intake;

import static org.redress.complaint.ComplaintVariables.PROCESS_KEY;
import static org.redress.complaint.ComplaintVariables.REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.redress.complaint.AccessCodes;
import org.redress.complaint.Channel;
import org.redress.engine.InvalidSubmissionException;
import org.redress.problem.FieldError;
import org.redress.problem.FormBinding;
import org.redress.problem.SubmissionRefused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt of a complaint from the complainant (ISO 10002 7.2), by web form, API or e-mail. Checks
 * everything first and answers with every refused field; then, in ONE transaction, starts
 * complaint-handling.bpmn with the checked fields as transient variables (Task_RecordComplaint checks again,
 * stores the complaint and gives it its reference), stores the attachments and the access code's
 * hash, and records the Idempotency-Key — all of it or nothing.
 */
@Service
public class ComplaintIntake {

  /** The reference and the access code, shown to the complainant once. */
  public record Receipt(String reference, String accessCode) {}

  /** An Idempotency-Key and the hash of the request it came with. */
  public record Idempotency(String key, String requestHash) {}

  private final RuntimeService runtime;
  private final AccessCodes accessCodes;
  private final Attachments attachments;
  private final IdempotentSubmissions idempotency;
  private final TransactionTemplate transaction;
  private final FormBinding binding;
  private final MeterRegistry meters;

  public ComplaintIntake(RuntimeService runtime, AccessCodes accessCodes, Attachments attachments,
      IdempotentSubmissions idempotency, TransactionTemplate transaction, FormBinding binding, MeterRegistry meters) {
    this.meters = meters;
    this.runtime = runtime;
    this.accessCodes = accessCodes;
    this.attachments = attachments;
    this.idempotency = idempotency;
    this.transaction = transaction;
    this.binding = binding;
  }

  /** A complaint from form parameters or an e-mail: every key must be a field of the complaint form. */
  public Receipt submit(Map<String, ?> submitted, Channel channel, List<Attachment> files) {
    return submit(submitted, channel, files, null);
  }

  public Receipt submit(Map<String, ?> submitted, Channel channel, List<Attachment> files, Idempotency key) {
    return submit(binding.bind(submitted, ComplaintForm.class), channel, files, key);
  }

  /**
   * A complaint form as read (and perhaps already refused in part): refused with every error of the form
   * and of the attachments, or recorded.
   */
  public Receipt submit(FormBinding.Bound<ComplaintForm> form, Channel channel, List<Attachment> files,
      Idempotency key) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "refused";
    try {
      Receipt receipt = submitTimed(form, channel, files, key);
      outcome = "recorded";
      return receipt;
    } finally {
      // intake latency as the complainant sees it: checks, attachments, the recording transaction
      sample.stop(Timer.builder("redress.intake").description("Time to take in a complaint, by channel and outcome")
          .tag("channel", channel.code()).tag("outcome", outcome).publishPercentileHistogram().register(meters));
    }
  }

  private Receipt submitTimed(FormBinding.Bound<ComplaintForm> form, Channel channel, List<Attachment> files,
      Idempotency key) {
    if (key != null) {
      Optional<Receipt> earlier = replay(key);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    List<FieldError> errors = new ArrayList<>(form.errors());
    errors.addAll(attachments.check(files));
    if (!errors.isEmpty()) {
      throw new SubmissionRefused(errors);
    }
    // hashing and typing the files is no database work: done before the transaction takes a connection
    List<Attachments.Ready> ready = attachments.prepare(files);
    try {
      return transaction.execute(status -> {
        if (key != null) {
          idempotency.claim(key.key(), key.requestHash());
        }
        Receipt receipt = record(form.form(), channel, ready);
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
  private Receipt record(ComplaintForm form, Channel channel, List<Attachments.Ready> files) {
    String reference = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(variables(form, channel))
        .executeWithVariablesInReturn()
        .getVariables().getValue(REFERENCE, String.class);
    attachments.store(reference, files);
    // E-mail complainants see no screen: their code comes with the acknowledgement (AcknowledgeComplaint).
    return new Receipt(reference, channel == Channel.EMAIL ? null : accessCodes.issue(reference));
  }

  /**
   * The submission as TRANSIENT variables, but for the channel: Task_RecordComplaint reads them in this transaction and stores
   * the complaint in Redress's tables; they are never written to ACT_RU_VARIABLE nor to the history
   * (ACT_HI_VARINST, ACT_HI_DETAIL), where they were only ever copies of the complaint row, removed again
   * at once. (A registration in Tasklist submits its start form as ordinary variables; RecordComplaint
   * removes those after storing.)
   */
  static Map<String, Object> variables(ComplaintForm v, Channel channel) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ComplaintForm.CHANNEL, channel.code()); // the one field the process keeps (and decides on)
    put(vars, ComplaintForm.NAME, v.complainantName());
    put(vars, ComplaintForm.ORGANISATION, v.complainantOrganisation());
    put(vars, ComplaintForm.EMAIL, v.complainantEmail());
    put(vars, ComplaintForm.PHONE, v.complainantPhone());
    put(vars, ComplaintForm.ADDRESS, v.complainantAddress());
    put(vars, ComplaintForm.PREFERRED_CHANNEL, v.preferredChannel());
    put(vars, ComplaintForm.PREFERRED_LANGUAGE, v.language());
    put(vars, ComplaintForm.ON_BEHALF_OF, v.onBehalfOf());
    put(vars, ComplaintForm.PRODUCT, v.productOrService());
    put(vars, ComplaintForm.ORDER_REFERENCE, v.orderReference());
    put(vars, ComplaintForm.PROBLEM_DATE, v.problemDay() == null ? null : v.problemDay().toString());
    put(vars, ComplaintForm.DESCRIPTION, v.description());
    put(vars, ComplaintForm.REMEDY, v.remedyRequested());
    put(vars, ComplaintForm.AMOUNT, v.amount() == null ? null : v.amount().toPlainString());
    vars.put(ComplaintForm.SAFETY, Variables.booleanValue(v.safety(), true));
    vars.put(ComplaintForm.LEGAL, Variables.booleanValue(v.legal(), true));
    return vars;
  }

  private static void put(Map<String, Object> vars, String name, String value) {
    if (value != null) {
      vars.put(name, Variables.stringValue(value, true));
    }
  }
}
