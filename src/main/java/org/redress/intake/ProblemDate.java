package org.redress.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.redress.complaint.EngineClock;

/**
 * When the problem happened: a date (2026-11-23), or a date-time with offset as some clients send for a
 * date field; never in the future (by the engine's clock).
 */
@Documented
@Constraint(validatedBy = ProblemDate.Rule.class)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@interface ProblemDate {

  String message() default "must be a date like 2026-11-23";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Rule implements ConstraintValidator<ProblemDate, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      LocalDate date;
      try {
        date = parse(value);
      } catch (DateTimeParseException e) {
        return false;
      }
      if (date.isAfter(EngineClock.now().toLocalDate())) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("cannot be in the future").addConstraintViolation();
        return false;
      }
      return true;
    }

    static LocalDate parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException notADate) {
        return OffsetDateTime.parse(text.strip()).toLocalDate();
      }
    }
  }
}
