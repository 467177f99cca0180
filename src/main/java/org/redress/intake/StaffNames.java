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
import java.util.regex.Pattern;

/**
 * User names of staff (Camunda's default user id whitelist: letters and digits), separated by commas;
 * at most {@value #MAX} different people. Longer text is {@code @Text}'s to refuse.
 */
@Documented
@Constraint(validatedBy = StaffNames.Rule.class)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@interface StaffNames {

  int MAX = 20;
  String FORMAT = "must be user names (letters and digits) separated by commas";

  String message() default FORMAT;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Rule implements ConstraintValidator<StaffNames, String> {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.length() > 1000) {
        return true;
      }
      long distinct = 0;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String part : value.split(",")) {
        String id = part.strip();
        if (id.isEmpty()) {
          continue;
        }
        if (!USER_ID.matcher(id).matches()) {
          return false;
        }
        if (seen.add(id)) {
          distinct++;
        }
      }
      if (distinct > MAX) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("may name at most " + MAX + " people").addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
