package org.redress.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reason a form gives when this field gets a value of the wrong kind, where the default of its
 * Java type ("must be text", "must be true or false", "must be a number", "must be a whole number",
 * "must be a date YYYY-MM-DD") would say less, e.g. "must be a whole number from 1 to 5".
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface WrongType {

  String value();
}
