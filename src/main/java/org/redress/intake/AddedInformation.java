package org.redress.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.complaint.ComplainantQuestions;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.engine.Actors;
import org.redress.problem.FieldError;
import org.redress.problem.RefusedRequest;
import org.redress.problem.SubmissionRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Information or files the complainant adds to their complaint while it is open (ISO 10002 7.2, 7.3):
 * checked like the complaint form's (text up to {@value #MAX_TEXT} characters, the same file rules),
 * stored with the complaint and recorded on the timeline, where the complainant sees it and the
 * handler's task context lists it under "Added by the complainant".
 */
@Service
public class AddedInformation {

  public static final String TEXT = "information";
  public static final int MAX_TEXT = 4000;

  private final ComplaintRepository complaints;
  private final Attachments attachments;
  private final Timeline timeline;
  private final ComplainantQuestions questions;

  public AddedInformation(ComplaintRepository complaints, Attachments attachments, Timeline timeline,
      ComplainantQuestions questions) {
    this.complaints = complaints;
    this.attachments = attachments;
    this.timeline = timeline;
    this.questions = questions;
  }

  /** Whether the complainant can still add something: until the complaint is closed. */
  public boolean open(String reference) {
    return complaints.state(reference).status() != ComplaintStatus.CLOSED;
  }

  @Transactional
  public void add(String reference, String text, List<Attachment> files) {
    if (!open(reference)) {
      throw new Closed();
    }
    String information = text == null || text.isBlank() ? null : text.strip();
    List<FieldError> errors = new ArrayList<>();
    if (information == null && files.isEmpty()) {
      errors.add(new FieldError(TEXT, "is required: write something or choose a file"));
    } else if (information != null && information.length() > MAX_TEXT) {
      errors.add(new FieldError(TEXT, "must be at most " + MAX_TEXT + " characters"));
    }
    errors.addAll(attachments.check(files));
    if (!errors.isEmpty()) {
      throw new SubmissionRefused(errors);
    }
    List<Attachments.Ready> ready = attachments.prepare(files);
    attachments.store(reference, ready);
    Map<String, Object> details = new LinkedHashMap<>();
    if (information != null) {
      details.put("text", information);
    }
    if (!ready.isEmpty()) {
      details.put("files", ready.stream().map(Attachments.Ready::fileName).toList());
    }
    String summary = "Information added by the complainant"
        + (information == null ? "" : ": " + information.replaceAll("\\s+", " "))
        + (ready.isEmpty() ? "" : " (" + ready.size() + (ready.size() == 1 ? " file)" : " files)"));
    timeline.record(reference, EventType.INFORMATION_ADDED_BY_COMPLAINANT, Actors.COMPLAINANT, summary, details,
        null, null);
    // While we wait for the answer to a question (7.6), what the complainant adds is that answer: the paused
    // response clock resumes.
    questions.answer(reference, information != null ? information
        : "(files: " + String.join(", ", ready.stream().map(Attachments.Ready::fileName).toList()) + ")", "status page");
  }

  /** The complaint is closed: nothing can be added any more. */
  public static class Closed extends RefusedRequest {
    public Closed() {
      super(HttpStatus.CONFLICT, "complaint-closed", "Complaint closed",
          "This complaint is closed; information can no longer be added. Please make a new complaint.");
    }
  }
}
