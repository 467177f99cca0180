package org.redress.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.redress.complaint.Channel;
import org.redress.complaint.EngineClock;
import org.redress.engine.SubmittedForm;
import org.redress.problem.FieldError;

/**
 * The fields of the standard's complaint form (ISO 10002 annex "complaint form"), checked on the
 * server. The same rules serve the Tasklist start form and the public API.
 */
public final class ComplaintSubmission {

  public static final String CHANNEL = "channel";
  public static final String NAME = "complainantName";
  public static final String ORGANISATION = "complainantOrganisation";
  public static final String EMAIL = "complainantEmail";
  public static final String PHONE = "complainantPhone";
  public static final String ADDRESS = "complainantAddress";
  public static final String PREFERRED_CHANNEL = "preferredChannel";
  public static final String PREFERRED_LANGUAGE = "preferredLanguage";
  public static final String ON_BEHALF_OF = "onBehalfOf";
  public static final String PRODUCT = "productOrService";
  public static final String ORDER_REFERENCE = "orderReference";
  public static final String PROBLEM_DATE = "problemDate";
  public static final String DESCRIPTION = "description";
  public static final String REMEDY = "remedyRequested";
  public static final String AMOUNT = "amountAtStake";
  public static final String SAFETY = "safetyConcern";
  public static final String LEGAL = "legalOrRegulatory";
  public static final String IMMEDIATE_ACTION = "immediateActionAtReceipt";
  /** Staff the complaint is about (4.7 objectivity): user ids, comma-separated. They may not work on it. */
  public static final String NAMED_STAFF = "namedStaff";

  /** Every field name, so the raw submission can be removed from the process once stored. */
  public static final List<String> FIELDS = List.of(CHANNEL, NAME, ORGANISATION, EMAIL, PHONE, ADDRESS,
      PREFERRED_CHANNEL, PREFERRED_LANGUAGE, ON_BEHALF_OF, PRODUCT, ORDER_REFERENCE, PROBLEM_DATE, DESCRIPTION,
      REMEDY, AMOUNT, SAFETY, LEGAL, IMMEDIATE_ACTION, NAMED_STAFF);

  /** The fields that identify or describe the complainant: anonymised after retention or on request. */
  public static final List<String> PERSONAL_FIELDS = List.of(NAME, ORGANISATION, EMAIL, PHONE, ADDRESS, ON_BEHALF_OF,
      ORDER_REFERENCE, DESCRIPTION, REMEDY, IMMEDIATE_ACTION);

  public static final int MAX_NAMED_STAFF = 20;

  public static final Set<String> CONTACT_CHANNELS = Set.of("email", "phone", "letter");
  public static final Set<String> LANGUAGES = Set.of("en", "de");

  private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final Pattern PHONE_PATTERN = Pattern.compile("^[+0-9 ()./-]{5,50}$");
  /** Camunda's default user id whitelist. */
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9]{1,64}$");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

  /** The checked values, ready to be stored. */
  public record Valid(Channel channel, String complainantName, String complainantOrganisation,
      String complainantEmail, String complainantPhone, String complainantAddress, String preferredChannel,
      String preferredLanguage, String onBehalfOf, String productOrService, String orderReference,
      LocalDate problemDate, String description, String remedyRequested, BigDecimal amountAtStake,
      boolean safetyConcern, boolean legalOrRegulatory, String immediateActionAtReceipt, List<String> namedStaff) {}

  /** Either the valid submission or every refused field. */
  public record Result(Valid valid, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  private final Map<String, ?> values;
  private final List<FieldError> errors = new ArrayList<>();

  private ComplaintSubmission(Map<String, ?> values) {
    this.values = values;
  }

  public static Result check(Map<String, ?> values) {
    return new ComplaintSubmission(values).check();
  }

  private Result check() {
    String channelCode = text(CHANNEL, 20, true);
    Channel channel = null;
    if (channelCode != null) {
      channel = Channel.fromCode(channelCode).orElse(null);
      if (channel == null) {
        error(CHANNEL, "must be one of web, email, phone, letter, in-person, api");
      }
    }
    String name = text(NAME, 200, true);
    String organisation = text(ORGANISATION, 200, false);
    String email = text(EMAIL, 254, false);
    if (email != null && !EMAIL_PATTERN.matcher(email).matches()) {
      error(EMAIL, "is not a valid e-mail address");
    }
    String phone = text(PHONE, 50, false);
    if (phone != null && !PHONE_PATTERN.matcher(phone).matches()) {
      error(PHONE, "may contain only digits, spaces and + ( ) . / -");
    }
    String address = text(ADDRESS, 500, false);
    String preferred = text(PREFERRED_CHANNEL, 20, true);
    if (preferred != null) {
      if (!CONTACT_CHANNELS.contains(preferred)) {
        error(PREFERRED_CHANNEL, "must be one of email, phone, letter");
      } else if (preferred.equals("email") && email == null) {
        error(EMAIL, "is required when the preferred contact channel is e-mail");
      } else if (preferred.equals("phone") && phone == null) {
        error(PHONE, "is required when the preferred contact channel is phone");
      } else if (preferred.equals("letter") && address == null) {
        error(ADDRESS, "is required when the preferred contact channel is letter");
      }
    }
    String language = text(PREFERRED_LANGUAGE, 10, false);
    if (language == null) {
      language = "en";
    } else if (!LANGUAGES.contains(language)) {
      error(PREFERRED_LANGUAGE, "must be one of " + String.join(", ", LANGUAGES.stream().sorted().toList()));
    }
    String onBehalfOf = text(ON_BEHALF_OF, 200, false);
    String product = text(PRODUCT, 200, true);
    String orderReference = text(ORDER_REFERENCE, 100, false);
    LocalDate problemDate = date(PROBLEM_DATE);
    String description = text(DESCRIPTION, SubmittedForm.MAX_TEXT, true);
    if (description != null && description.length() < 10) {
      error(DESCRIPTION, "must be at least 10 characters");
    }
    String remedy = text(REMEDY, 2000, false);
    BigDecimal amount = amount(AMOUNT);
    boolean safety = flag(SAFETY);
    boolean legal = flag(LEGAL);
    String immediateAction = text(IMMEDIATE_ACTION, 2000, false);
    List<String> namedStaff = userIds(NAMED_STAFF);

    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(new Valid(channel, name, organisation, email, phone, address, preferred, language, onBehalfOf,
        product, orderReference, problemDate, description, remedy, amount, safety, legal, immediateAction, namedStaff),
        List.of());
  }

  private String text(String field, int max, boolean required) {
    Object raw = values.get(field);
    if (raw != null && !(raw instanceof String)) {
      error(field, "must be text");
      return null;
    }
    String value = raw == null ? null : ((String) raw).strip();
    if (value == null || value.isEmpty()) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (value.length() > max) {
      error(field, "must be at most " + max + " characters");
      return null;
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      error(field, "contains control characters");
      return null;
    }
    return value;
  }

  /** A comma-separated list of user ids (or a JSON/Java list of them), without duplicates. */
  private List<String> userIds(String field) {
    Object raw = values.get(field);
    List<String> parts = new ArrayList<>();
    if (raw instanceof Collection<?> list) {
      list.forEach(item -> parts.add(item == null ? "" : item.toString()));
    } else {
      String text = text(field, 1000, false);
      if (text == null) {
        return List.of();
      }
      parts.addAll(List.of(text.split(",")));
    }
    List<String> ids = new ArrayList<>();
    for (String part : parts) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!USER_ID.matcher(id).matches()) {
        error(field, "must be user names (letters and digits) separated by commas");
        return List.of();
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    if (ids.size() > MAX_NAMED_STAFF) {
      error(field, "may name at most " + MAX_NAMED_STAFF + " people");
      return List.of();
    }
    return List.copyOf(ids);
  }

  private LocalDate date(String field) {
    Object raw = values.get(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    LocalDate date;
    if (raw instanceof Date d) {
      date = EngineClock.fromDate(d).toLocalDate();
    } else if (raw instanceof LocalDate d) {
      date = d;
    } else if (raw instanceof String s) {
      try {
        date = parseDate(s.strip());
      } catch (DateTimeParseException e) {
        error(field, "must be a date like 2026-11-23");
        return null;
      }
    } else {
      error(field, "must be a date like 2026-11-23");
      return null;
    }
    if (date.isAfter(EngineClock.now().toLocalDate())) {
      error(field, "cannot be in the future");
      return null;
    }
    return date;
  }

  /** A date (2026-11-23) or a date-time with offset, as some clients send for a date field. */
  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      return java.time.OffsetDateTime.parse(text).toLocalDate();
    }
  }

  private BigDecimal amount(String field) {
    Object raw = values.get(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(((String) raw).strip());
    } catch (NumberFormatException | ClassCastException e) {
      error(field, "must be a number");
      return null;
    }
    if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      error(field, "must be between 0 and " + MAX_AMOUNT.toPlainString());
      return null;
    }
    return amount.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private boolean flag(String field) {
    Object raw = values.get(field);
    if (raw == null) {
      return false;
    }
    if (raw instanceof Boolean b) {
      return b;
    }
    error(field, "must be true or false");
    return false;
  }

  private void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }
}
