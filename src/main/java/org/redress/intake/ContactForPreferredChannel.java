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

/** The contact detail of the channel the complainant prefers must be given (7.3: we must reach them). */
@Documented
@Constraint(validatedBy = ContactForPreferredChannel.Rule.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ContactForPreferredChannel {

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Rule implements ConstraintValidator<ContactForPreferredChannel, ComplaintForm> {

    @Override
    public boolean isValid(ComplaintForm form, ConstraintValidatorContext context) {
      String missing = form.preferredChannel() == null ? null : switch (form.preferredChannel()) {
        case "email" -> form.complainantEmail() == null ? ComplaintForm.EMAIL + " e-mail" : null;
        case "phone" -> form.complainantPhone() == null ? ComplaintForm.PHONE + " phone" : null;
        case "letter" -> form.complainantAddress() == null ? ComplaintForm.ADDRESS + " letter" : null;
        default -> null;
      };
      if (missing == null) {
        return true;
      }
      String[] fieldAndChannel = missing.split(" ", 2);
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(
              "is required when the preferred contact channel is " + fieldAndChannel[1])
          .addPropertyNode(fieldAndChannel[0]).addConstraintViolation();
      return false;
    }
  }
}
