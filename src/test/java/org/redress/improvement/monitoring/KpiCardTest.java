package org.redress.improvement.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a KPI card writes a figure: small durations honestly, in minutes or hours, never "0 h". */
class KpiCardTest {

  @Test
  void aDurationUnderAnHour_readsInMinutes() {
    assertThat(DashboardPage.Card.format(35 / 60.0, "hours")).isEqualTo("35 min");
    assertThat(DashboardPage.Card.format(0.58, "hours")).isEqualTo("35 min"); // as Kpis rounds 35 minutes
    assertThat(DashboardPage.Card.format(0.001, "hours")).isEqualTo("< 1 min");
    assertThat(DashboardPage.Card.format(0.0, "hours")).isEqualTo("0 min");
  }

  @Test
  void anHourOrMore_readsInHours_andADayOrMore_inDays() {
    assertThat(DashboardPage.Card.format(3.5, "hours")).isEqualTo("3.5 h");
    assertThat(DashboardPage.Card.format(24.0, "hours")).isEqualTo("24 h");
    assertThat(DashboardPage.Card.format(12.0, "days")).isEqualTo("12 days");
    assertThat(DashboardPage.Card.format(1.0, "days")).isEqualTo("1 day");
    assertThat(DashboardPage.Card.format(1.0, "working days")).isEqualTo("1 working day");
    assertThat(DashboardPage.Card.format(2.5, "working days")).isEqualTo("2.5 working days");
  }

  @Test
  void underADay_aFigureInDays_readsInHoursOrMinutes() {
    assertThat(DashboardPage.Card.format(0.5, "days")).isEqualTo("12 h");
    assertThat(DashboardPage.Card.format(0.02, "days")).isEqualTo("29 min");
  }
}
