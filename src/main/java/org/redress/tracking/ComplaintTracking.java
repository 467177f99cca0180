package org.redress.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.ComplaintState;
import org.redress.complaint.ComplaintStatus;
import org.redress.complaint.EngineClock;
import org.redress.complaint.EventType;
import org.redress.complaint.Timeline;
import org.redress.complaint.TimelineEvent;
import org.redress.improvement.SatisfactionSurvey;
import org.redress.intake.Attachments;
import org.springframework.stereotype.Service;

/**
 * What a complainant sees of their complaint (ISO 10002 7.3): the stage in plain words, the next
 * deadline, what they submitted, the events meant for them (in fixed public words), the letters sent,
 * the decision and what they can do now. Never the handlers' notes, names or internal assessment:
 * only the staff fields declared in {@link PublicFields} reach the complainant.
 */
@Service
public class ComplaintTracking {

  public static final String ANSWER_TASK = "Task_RecordComplainantAnswer";
  private static final String REVIEW_TASK = "Task_ReviewDecision";
  private static final Set<ComplaintStatus> BEFORE_DECISION = EnumSet.of(ComplaintStatus.RECEIVED,
      ComplaintStatus.ASSESSED, ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.UNDER_INVESTIGATION,
      ComplaintStatus.RESPONSE_PROPOSED);
  private static final Map<ComplaintStatus, String> STAGES = Map.of(
      ComplaintStatus.RECEIVED, "Received",
      ComplaintStatus.ASSESSED, "Received and assessed",
      ComplaintStatus.ACKNOWLEDGED, "We are looking into your complaint",
      ComplaintStatus.UNDER_INVESTIGATION, "We are looking into your complaint",
      ComplaintStatus.RESPONSE_PROPOSED, "We are preparing our response",
      ComplaintStatus.DECISION_COMMUNICATED, "Our decision is out: please tell us whether you accept it",
      ComplaintStatus.DECISION_ACCEPTED, "Decision accepted: we are carrying out what was agreed",
      ComplaintStatus.UNDER_INTERNAL_REVIEW, "Someone else is reviewing the decision (internal review)",
      ComplaintStatus.EXTERNAL_RECOURSE, "Options outside our organisation (external recourse)",
      ComplaintStatus.CLOSED, "Closed");

  /** The next date, with its kind ({@code answer}, {@code review}, {@code response}) for the pages' own words. */
  public record Deadline(String what, OffsetDateTime due, String kind) {}

  /**
   * An event as the complainant reads it: a fixed public wording per event type — never the summary
   * staff wrote for the timeline — and, for what the complainant added themselves, their own words.
   */
  public record Event(OffsetDateTime at, String type, String summary, String yourWords) {}

  /** What the complainant told us, as recorded (their contact details are not repeated here). */
  public record Submitted(String productOrService, String orderReference, String problemDate, String description,
      String remedyRequested, String amountAtStake) {}

  /** A letter: which message, the channel in words, and as codes: the medium and who sends it ({@code staff}, {@code recorded-only} or empty). */
  public record Letter(OffsetDateTime at, String message, String channel, String medium, String sentBy) {}

  /**
   * The decision as sent: only the fields declared public in {@link PublicFields} (what we will do and
   * why); internal notes such as the preventive action are never shown.
   */
  public record Decision(String remedy, String explanation, String options, String answerBy,
      boolean afterInternalReview) {}

  public record File(long id, String fileName, String contentType, long size) {}

  public record View(String reference, String status, String statusCode, String stage, OffsetDateTime receivedAt,
      String productOrService, Deadline nextDeadline, Decision decision, boolean canAnswer, boolean canAnswerSurvey,
      boolean surveyAnswered, List<Event> timeline, List<Letter> letters, List<File> attachments, Submitted submitted) {}

  /** The public wording of each event the complainant sees; a type not listed shows as {@link #OTHER_EVENT}. */
  static final Map<EventType, String> PUBLIC_EVENTS = Map.ofEntries(
      Map.entry(EventType.RECEIVED, "We received your complaint"),
      Map.entry(EventType.ACKNOWLEDGED, "We confirmed receipt and set the date for our response"),
      Map.entry(EventType.IMMEDIATE_ACTION_TAKEN, "We took immediate action"),
      Map.entry(EventType.DECISION_COMMUNICATED, "We sent you our decision"),
      Map.entry(EventType.DECISION_ACCEPTED, "You accepted our decision"),
      Map.entry(EventType.DECISION_REJECTED, "You rejected our decision"),
      Map.entry(EventType.DECISION_DEEMED_ACCEPTED, "No answer came in time, so the decision counts as accepted"),
      Map.entry(EventType.INTERNAL_REVIEW_COMPLETED, "The internal review is complete"),
      Map.entry(EventType.EXTERNAL_RECOURSE_OFFERED, "We told you where else you can turn"),
      Map.entry(EventType.EXTERNAL_RECOURSE_RECORDED, "We recorded what happened outside our organisation"),
      Map.entry(EventType.AGREED_ACTION_CARRIED_OUT, "We carried out what was agreed"),
      Map.entry(EventType.PROGRESS_UPDATE_SENT, "We sent you a progress update"),
      Map.entry(EventType.CLOSED, "Your complaint was closed"),
      Map.entry(EventType.SATISFACTION_SURVEY_ANSWERED, "You rated how we handled your complaint"),
      Map.entry(EventType.COMPLAINANT_MESSAGE_RECEIVED, "We received your e-mail"),
      Map.entry(EventType.INFORMATION_ADDED_BY_COMPLAINANT, "You added information"),
      Map.entry(EventType.LETTER_SENT, "We sent you a letter by post"),
      Map.entry(EventType.ANSWER_PERIOD_STARTED, "The time for your answer to our decision started"),
      Map.entry(EventType.QUESTION_ASKED, "We asked you a question; our time to answer is paused until you reply"),
      Map.entry(EventType.QUESTION_REMINDER_SENT, "We reminded you of our question"),
      Map.entry(EventType.QUESTION_ANSWERED, "You answered our question; our time to answer runs again"),
      Map.entry(EventType.QUESTION_UNANSWERED, "No answer to our question came, so we continued with what we have"));
  static final String OTHER_EVENT = "An update on your complaint";

  private final ComplaintRepository complaints;
  private final Timeline timeline;
  private final TaskService tasks;
  private final SatisfactionSurvey survey;
  private final Attachments attachments;
  private final ObjectMapper json;

  public ComplaintTracking(ComplaintRepository complaints, Timeline timeline, TaskService tasks,
      SatisfactionSurvey survey, Attachments attachments, ObjectMapper json) {
    this.complaints = complaints;
    this.timeline = timeline;
    this.tasks = tasks;
    this.survey = survey;
    this.attachments = attachments;
    this.json = json;
  }

  /** The view of a complaint whose reference and access code were verified. */
  public View view(String reference) {
    Complaint complaint = complaints.get(reference);
    ComplaintState state = complaints.state(reference);
    List<TimelineEvent> events = timeline.of(reference).stream().filter(TimelineEvent::visibleToComplainant).toList();
    List<Event> visible = new ArrayList<>();
    List<Letter> letters = new ArrayList<>();
    Decision decision = null;
    for (TimelineEvent e : events) {
      if (e.type() == EventType.MESSAGE_SENT) {
        JsonNode d = details(e);
        String channel = d.path("channel").asText();
        String sentBy = d.path("sentBy").asText();
        letters.add(new Letter(e.occurredAt(), d.path("message").asText(),
            "staff".equals(sentBy) ? channel + ", being prepared by our staff"
                : "recorded-only".equals(sentBy) ? channel + ", recorded only (this installation sends no e-mail)"
                : channel, channel, sentBy));
        continue;
      }
      String yourWords = e.type() == EventType.INFORMATION_ADDED_BY_COMPLAINANT ? text(details(e), "text") : null;
      visible.add(new Event(e.occurredAt(), e.type().name(), PUBLIC_EVENTS.getOrDefault(e.type(), OTHER_EVENT),
          yourWords));
      if (e.type() == EventType.DECISION_COMMUNICATED) {
        JsonNode d = details(e);
        decision = new Decision(text(d, "remedy"), text(d, "explanation"), text(d, "options"), text(d, "answerBy"),
            d.path("afterInternalReview").asBoolean());
      }
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).list();
    boolean canAnswer = open.stream().anyMatch(t -> ANSWER_TASK.equals(t.getTaskDefinitionKey()));
    boolean surveyAnswered = survey.answered(reference);
    return new View(reference, state.status().plainWords(), state.status().name(), STAGES.get(state.status()),
        complaint.receivedAt(), complaint.productOrService(), nextDeadline(state, open), decision, canAnswer,
        state.status() == ComplaintStatus.CLOSED && !surveyAnswered, surveyAnswered, visible, letters,
        attachments.of(reference).stream().map(a -> new File(a.id(), a.fileName(), a.contentType(), a.size())).toList(),
        new Submitted(complaint.productOrService(), complaint.orderReference(),
            complaint.problemDate() == null ? null : complaint.problemDate().toString(), complaint.description(),
            complaint.remedyRequested(),
            complaint.amountAtStake() == null ? null : "EUR " + complaint.amountAtStake().toPlainString()));
  }

  private static Deadline nextDeadline(ComplaintState state, List<Task> open) {
    for (Task t : open) {
      if (ANSWER_TASK.equals(t.getTaskDefinitionKey()) && t.getDueDate() != null) {
        return new Deadline("Your answer to our decision, by", EngineClock.fromDate(t.getDueDate()), "answer");
      }
    }
    for (Task t : open) {
      if (REVIEW_TASK.equals(t.getTaskDefinitionKey()) && t.getDueDate() != null) {
        return new Deadline("The internal review, by", EngineClock.fromDate(t.getDueDate()), "review");
      }
    }
    if (BEFORE_DECISION.contains(state.status()) && state.responseDueAt() != null) {
      return new Deadline("Our response, by", state.responseDueAt(), "response");
    }
    return null;
  }

  private JsonNode details(TimelineEvent e) {
    if (e.details() == null) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(e.details());
    } catch (Exception ex) {
      return json.createObjectNode();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
