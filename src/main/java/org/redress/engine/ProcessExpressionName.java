package org.redress.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which process expressions read a settings record, as in
 * {@code ${trendSettings.cycle}}. Configuration property scanning registers a
 * {@code @ConfigurationProperties} record as the bean "prefix-fully.qualified.ClassName", which no
 * expression can spell; {@link ProcessExpressionNames} adds this name as an alias of that bean.
 * Camunda resolves the expression's first word as a Spring bean name and the rest as JavaBean
 * properties, so the record also needs a {@code getX()} for each property a process reads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessExpressionName {

  /** The bean name processes use, such as {@code trendSettings}. */
  String value();
}
