package org.redress.problem;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a form, checked after surrounding spaces are removed, with at most one reason per
 * field, in this order: "is required", "must be at least {min} characters", "must be at most {max}
 * characters", "contains control characters", then the pattern's or the choice's reason. The same
 * limits as the field's Camunda Form, which FormLimitsTest holds equal.
 */
@Documented
@Constraint(validatedBy = TextRule.class)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

  boolean required() default false;

  /** The reason when the value is missing, e.g. "is required: accept or reject". */
  String requiredReason() default "is required";

  int min() default 0;

  /** The longest value; none for a choice ({@link #oneOf}). */
  int max() default Integer.MAX_VALUE;

  /** A regular expression the whole (stripped) value must match; none when empty. */
  String pattern() default "";

  /** The reason when the pattern does not match, e.g. "is not a valid e-mail address". */
  String patternReason() default "is not valid";

  /** The only values allowed, in the order the reason lists them; any value when empty. */
  String[] oneOf() default {};

  /** The reason for a value not in {@link #oneOf}; by default "must be one of a, b, c". */
  String oneOfReason() default "";

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
