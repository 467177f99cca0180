package org.redress.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The process owners' table processes/initial-assessment.dmn (ISO 10002 7.5), row by row. */
class InitialAssessmentDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/initial-assessment.dmn")) {
      decision = dmn.parseDecision(AssessComplaint.DECISION_KEY, in);
    }
  }

  @ParameterizedTest(name = "safety={0} legal={1} amount={2} earlier={3} → {4}/{5}/{6}/immediate={7}")
  @CsvSource(textBlock = """
      # safety, legal, amount, earlier, severity, priority, target, immediate
        true,  false,     0,   0, critical, 100, P2D,  true
        true,  true,  10000,   5, critical, 100, P2D,  true
        false, true,      0,   0, high,      80, P5D,  false
        false, true,   9000,   0, high,      80, P5D,  false
        false, false,  5000,   0, high,      75, P5D,  false
        false, false, 12000,   4, high,      75, P5D,  false
        false, false,  4999.99, 0, medium,   50, P10D, false
        false, false,   500,   0, medium,    50, P10D, false
        false, false, 499.99,  0, low,       25, P15D, false
        false, false,     0,   3, medium,    50, P10D, false
        false, false,     0,   2, low,       25, P15D, false
        false, false,     0,   0, low,       25, P15D, false
      """)
  void assessesSeverityPriorityTargetAndImmediateAction(boolean safety, boolean legal, double amount, int earlier,
      String severity, int priority, String target, boolean immediate) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, Map.of(
        "safetyRisk", safety, "legalOrRegulatory", legal, "amountAtStake", amount, "earlierComplaints", earlier))
        .getSingleResult();

    assertThat((String) result.getEntry("severity")).isEqualTo(severity);
    assertThat(((Number) result.getEntry("priority")).intValue()).isEqualTo(priority);
    assertThat((String) result.getEntry("responseTarget")).isEqualTo(target);
    assertThat((Boolean) result.getEntry("immediateActionNeeded")).isEqualTo(immediate);
    assertThat((String) result.getEntry("team")).isEqualTo("handlers");
    assertThat((String) result.getEntry("rationale")).isNotBlank();
  }
}
