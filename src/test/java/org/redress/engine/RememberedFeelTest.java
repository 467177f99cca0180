package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The FEEL answers the DMN engine remembers: the same answers as FEEL, asked once where they cannot change. */
class RememberedFeelTest {

  /** Camunda's FEEL, counting the questions it is asked. */
  static class CountingFeel implements FeelEngine {
    final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
    final List<String> asked = new ArrayList<>();

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      asked.add(expression);
      return feel.evaluateSimpleExpression(expression, variables);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
      asked.add(expression);
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
    }
  }

  final CountingFeel feel = new CountingFeel();
  final RememberedFeel.Remembering remembering = new RememberedFeel.Remembering(feel);

  static VariableContext vars(Object... keyValues) {
    var map = Variables.createVariables();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.putValue((String) keyValues[i], keyValues[i + 1]);
    }
    return map.asVariableContext();
  }

  @Test
  void literals_areAskedOnce() {
    for (int i = 0; i < 3; i++) {
      assertThat((Object) remembering.evaluateSimpleExpression("\"critical\"", vars("amountAtStake", 10.0 * i)))
          .isEqualTo("critical");
      assertThat(((Number) remembering.evaluateSimpleExpression("100", vars())).intValue()).isEqualTo(100);
    }
    assertThat(feel.asked).containsExactly("\"critical\"", "100");
  }

  @Test
  void unaryTests_areRememberedPerInputValue() {
    assertThat(remembering.evaluateSimpleUnaryTests(">= 5000", "cellInput", vars("cellInput", 6000.0))).isTrue();
    assertThat(remembering.evaluateSimpleUnaryTests(">= 5000", "cellInput", vars("cellInput", 100.0))).isFalse();
    assertThat(remembering.evaluateSimpleUnaryTests(">= 5000", "cellInput", vars("cellInput", 6000.0))).isTrue();
    assertThat(remembering.evaluateSimpleUnaryTests("[500..5000[", "cellInput", vars("cellInput", 5000.0))).isFalse();
    assertThat(remembering.evaluateSimpleUnaryTests("true", "cellInput", vars("cellInput", true))).isTrue();
    assertThat(remembering.evaluateSimpleUnaryTests("true", "cellInput", vars("cellInput", false))).isFalse();
    assertThat(feel.asked).containsExactly(">= 5000", ">= 5000", "[500..5000[", "true", "true");
  }

  @Test
  void aName_isRememberedPerValueOfThatVariable() {
    assertThat((Object) remembering.evaluateSimpleExpression("safetyRisk", vars("safetyRisk", true, "other", 1)))
        .isEqualTo(true);
    assertThat((Object) remembering.evaluateSimpleExpression("safetyRisk", vars("safetyRisk", true, "other", 2)))
        .isEqualTo(true);
    assertThat((Object) remembering.evaluateSimpleExpression("safetyRisk", vars("safetyRisk", false)))
        .isEqualTo(false);
    assertThat(feel.asked).hasSize(2);
  }

  @Test
  void otherNamesAndFunctions_areAskedEveryTime() {
    assertThat(remembering.evaluateSimpleUnaryTests("> limit", "cellInput", vars("cellInput", 5, "limit", 3))).isTrue();
    assertThat(remembering.evaluateSimpleUnaryTests("> limit", "cellInput", vars("cellInput", 5, "limit", 7))).isFalse();
    remembering.evaluateSimpleExpression("now()", vars());
    remembering.evaluateSimpleExpression("now()", vars());
    remembering.evaluateSimpleExpression("amount * 2", vars("amount", 3));
    remembering.evaluateSimpleExpression("amount * 2", vars("amount", 3));
    remembering.evaluateSimpleExpression("\"a\" + name", vars("name", "b"));
    remembering.evaluateSimpleExpression("\"a\" + name", vars("name", "b"));
    assertThat(feel.asked).hasSize(8);
  }

  @Test
  void namesInsideTextDoNotCount() {
    assertThat(RememberedFeel.Remembering.withoutNames("\"Health or safety at risk: act at once\"")).isTrue();
    assertThat(RememberedFeel.Remembering.withoutNames("not(\"a\", \"b\")")).isTrue();
    assertThat(RememberedFeel.Remembering.withoutNames("date(\"2020-01-01\")")).isFalse();
  }
}
