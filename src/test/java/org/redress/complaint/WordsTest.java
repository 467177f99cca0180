package org.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void codesReadAsWords_andTargetsInWorkingTime() {
    assertThat(Words.of("DECISION_COMMUNICATED")).isEqualTo("Decision communicated");
    assertThat(Words.of("partly-justified")).isEqualTo("Partly justified");
    assertThat(Words.of(" ")).isNull();
    assertThat(Words.workingTime("P15D")).isEqualTo("15 working days");
    assertThat(Words.workingTime("P1D")).isEqualTo("1 working day");
    assertThat(Words.workingTime("PT4H")).isEqualTo("4 working hours");
    assertThat(Words.value(true)).isEqualTo("yes");
    assertThat(Words.value("P2D")).isEqualTo("2 working days");
    assertThat(Words.value("Simple complaint")).isEqualTo("Simple complaint");
    assertThat(Words.value("PRODUCT")).isEqualTo("PRODUCT");
  }
}
