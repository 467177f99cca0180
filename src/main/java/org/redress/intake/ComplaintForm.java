package org.redress.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.redress.problem.Text;
import org.redress.problem.UnknownFields;
import org.redress.problem.WrongType;

/**
 * The complaint form of ISO 10002 (annex "complaint form") as a complainant fills it in — on the
 * public page, through the API or, read from an e-mail, by the mailbox — checked with Bean Validation
 * ({@link org.redress.problem.FormBinding}, which also strips surrounding spaces and reads a blank as no value). Staff registering a complaint in Tasklist fill in the same
 * form plus a {@link Registration}. The limits are those of forms/register-complaint.form (FormLimitsTest).
 */
@Schema(description = "Unknown fields are refused. Required: complainantName, preferredChannel, productOrService, "
    + "description; the contact detail of the preferred channel.")
@UnknownFields("is not a field of the complaint form")
@ContactForPreferredChannel
public record ComplaintForm(
    @Schema(example = "Jane Doe") @Text(required = true, max = 200) String complainantName,
    @Text(max = 200) String complainantOrganisation,
    @Schema(example = "jane@example.org")
    @Text(max = 254, pattern = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}", patternReason = "is not a valid e-mail address")
    String complainantEmail,
    @Text(max = 50, pattern = "[+0-9 ()./-]{5,50}", patternReason = "may contain only digits, spaces and + ( ) . / -")
    String complainantPhone,
    @Text(max = 500) String complainantAddress,
    @Schema(allowableValues = {"email", "phone", "letter"})
    @Text(required = true, oneOf = {"email", "phone", "letter"}) String preferredChannel,
    @Schema(allowableValues = {"en", "de"}, defaultValue = "en") @Text(oneOf = {"de", "en"}) String preferredLanguage,
    @Schema(description = "Name of the person you complain for, if not yourself") @Text(max = 200) String onBehalfOf,
    @Schema(example = "Broadband") @Text(required = true, max = 200) String productOrService,
    @Text(max = 100) String orderReference,
    @Schema(example = "2026-11-01", format = "date") @ProblemDate String problemDate,
    @Text(required = true, min = 10, max = ComplaintForm.MAX_DESCRIPTION) String description,
    @Text(max = 2000) String remedyRequested,
    @Schema(example = "12.50")
    @DecimalMin(value = "0", message = "must be between 0 and 999999999999.99")
    @DecimalMax(value = "999999999999.99", message = "must be between 0 and 999999999999.99") BigDecimal amountAtStake,
    Boolean safetyConcern,
    Boolean legalOrRegulatory,
    @Schema(description = "User names of staff the complaint is about, separated by commas; they will not handle it")
    @WrongType(StaffNames.FORMAT)
    @Text(max = 1000) @StaffNames String namedStaff) {

  /** The longest description: Camunda keeps a text variable in a 4,000-character column. */
  public static final int MAX_DESCRIPTION = 4000;

  public static final String CHANNEL = Registration.CHANNEL;
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
  public static final String IMMEDIATE_ACTION = Registration.IMMEDIATE_ACTION;
  /** Staff the complaint is about (4.7 objectivity): user ids, comma-separated. They may not work on it. */
  public static final String NAMED_STAFF = "namedStaff";

  /** The fields a complainant may fill in: the components of this record. */
  public static final List<String> PUBLIC_FIELDS = java.util.Arrays.stream(ComplaintForm.class.getRecordComponents())
      .map(java.lang.reflect.RecordComponent::getName).toList();

  /** Every field of a submission, so the raw submission can be removed from the process once stored. */
  public static final List<String> FIELDS = List.of(CHANNEL, NAME, ORGANISATION, EMAIL, PHONE, ADDRESS,
      PREFERRED_CHANNEL, PREFERRED_LANGUAGE, ON_BEHALF_OF, PRODUCT, ORDER_REFERENCE, PROBLEM_DATE, DESCRIPTION,
      REMEDY, AMOUNT, SAFETY, LEGAL, IMMEDIATE_ACTION, NAMED_STAFF);

  /** The fields that identify or describe the complainant: anonymised after retention or on request. */
  public static final List<String> PERSONAL_FIELDS = List.of(NAME, ORGANISATION, EMAIL, PHONE, ADDRESS, ON_BEHALF_OF,
      ORDER_REFERENCE, DESCRIPTION, REMEDY, IMMEDIATE_ACTION);

  /** The language of letters: English unless the complainant chose another. */
  public String language() {
    return preferredLanguage == null ? "en" : preferredLanguage;
  }

  public LocalDate problemDay() {
    return ProblemDate.Rule.parse(problemDate);
  }

  /** The amount as stored: to the cent. */
  public BigDecimal amount() {
    return amountAtStake == null ? null : amountAtStake.setScale(2, RoundingMode.HALF_UP);
  }

  public boolean safety() {
    return Boolean.TRUE.equals(safetyConcern);
  }

  public boolean legal() {
    return Boolean.TRUE.equals(legalOrRegulatory);
  }

  /** The named staff's user ids, each once. */
  public List<String> namedStaffIds() {
    List<String> ids = new ArrayList<>();
    if (namedStaff != null) {
      for (String part : namedStaff.split(",")) {
        String id = part.strip();
        if (!id.isEmpty() && !ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return List.copyOf(ids);
  }
}
