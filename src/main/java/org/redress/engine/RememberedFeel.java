package org.redress.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL with its answers remembered where they cannot change. Camunda's FEEL engine
 * parses every expression again and builds its table of built-in functions anew for every evaluation:
 * the initial assessment (processes/initial-assessment.dmn) spent most of its time there, for answers
 * that are the same every time — an output entry such as {@code "critical"} or {@code 100}, an input entry
 * such as {@code >= 5000} for the same input value, an input expression such as {@code amountAtStake}
 * for the same value. Remembered, by their text and only what they can depend on:
 * <ul>
 *   <li>an expression without names (literals and operators only): by its text;</li>
 *   <li>an expression that is one name: by its text and that variable's value;</li>
 *   <li>unary tests without names: by their text and the input value.</li>
 * </ul>
 * Anything else — names of other variables, functions such as {@code now()} or {@code date(...)} — is
 * evaluated every time, as are values and answers that are not plain (text, number, boolean, null).
 * The table stays as process owners edit it in Modeler, FEEL and its meaning unchanged.
 */
@Component
public class RememberedFeel extends AbstractProcessEnginePlugin {

  /** More distinct answers than this (amounts at stake, say) and the memory starts afresh. */
  static final int MAX_ANSWERS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
      // as the engine would build it (DefaultDmnEngineConfiguration.initFeelEngine), read when the engine is built
      dmn.setFeelEngineFactory(() -> new Remembering(new ScalaFeelEngineFactory(
          Objects.requireNonNullElse(configuration.getDmnFeelCustomFunctionProviders(), List.of())).createInstance()));
    }
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** A FEEL engine that asks {@code feel} once per remembered question. */
  static class Remembering implements FeelEngine {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("true", "false", "null", "not");

    private final FeelEngine feel;
    private final Map<List<Object>, Object> answers = new ConcurrentHashMap<>();

    Remembering(FeelEngine feel) {
      this.feel = feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      String trimmed = expression.strip();
      List<Object> question;
      if (withoutNames(trimmed)) {
        question = List.of("expression", expression);
      } else if (NAME.matcher(trimmed).matches() && plain(value(variables, trimmed))) {
        question = java.util.Arrays.asList("expression", expression, value(variables, trimmed));
      } else {
        return feel.evaluateSimpleExpression(expression, variables);
      }
      return (T) remembered(question, () -> feel.evaluateSimpleExpression(expression, variables));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
      Object input = value(variables, inputVariable);
      if (!withoutNames(expression.strip()) || !plain(input)) {
        return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
      }
      return (Boolean) remembered(java.util.Arrays.asList("tests", expression, input),
          () -> feel.evaluateSimpleUnaryTests(expression, inputVariable, variables));
    }

    private Object remembered(List<Object> question, java.util.function.Supplier<Object> ask) {
      Object known = answers.get(question);
      if (known != null || answers.containsKey(question)) {
        return known == NULL ? null : known;
      }
      Object answer = ask.get();
      if (plain(answer)) {
        if (answers.size() >= MAX_ANSWERS) {
          answers.clear();
        }
        answers.put(question, answer == null ? NULL : answer);
      }
      return answer;
    }

    private static final Object NULL = new Object();

    /** Literals and operators only: no variable, no function. */
    static boolean withoutNames(String expression) {
      java.util.regex.Matcher names = NAME.matcher(STRINGS.matcher(expression).replaceAll("\"\""));
      while (names.find()) {
        if (!KEYWORDS.contains(names.group())) {
          return false;
        }
      }
      return true;
    }

    /** Values whose equality is their meaning, and that nobody can change. */
    static boolean plain(Object value) {
      return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
          || value instanceof Long || value instanceof Double || value instanceof java.math.BigDecimal
          || value instanceof java.math.BigInteger || value instanceof Short || value instanceof Float;
    }

    private static Object value(VariableContext variables, String name) {
      TypedValue typed = variables.containsVariable(name) ? variables.resolve(name) : null;
      return typed == null ? null : typed.getValue();
    }
  }
}
