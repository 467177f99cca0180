package org.redress.closure;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.redress.problem.Text;

/** The complainant's answer to the decision (7.9): accept it, or reject it and say why. */
@Schema(name = "DecisionAnswer")
@DecisionAnswer.ReasonWhenRejecting
public record DecisionAnswer(
    @Schema(allowableValues = {"accept", "reject"})
    @Text(required = true, requiredReason = "is required: accept or reject", oneOf = {DecisionAnswer.ACCEPT,
        DecisionAnswer.REJECT}, oneOfReason = "must be accept or reject") String answer,
    @Schema(maxLength = 4000, description = "Required when rejecting") @Text(max = 4000) String reason) {

  public static final String ACCEPT = "accept";
  public static final String REJECT = "reject";

  public boolean accepts() {
    return ACCEPT.equals(answer);
  }

  /** Whoever rejects the decision tells us why: the internal review starts from that reason. */
  @Constraint(validatedBy = ReasonWhenRejecting.Rule.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface ReasonWhenRejecting {
    String message() default "tell us why you reject the decision";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<ReasonWhenRejecting, DecisionAnswer> {
      @Override
      public boolean isValid(DecisionAnswer answer, ConstraintValidatorContext context) {
        if (!REJECT.equals(answer.answer()) || answer.reason() != null) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("reason").addConstraintViolation();
        return false;
      }
    }
  }
}
