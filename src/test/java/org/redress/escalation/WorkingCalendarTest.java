package org.redress.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working time in the business calendar (ISO 10002 4.15), against hand-counted dates. */
class WorkingCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
      DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  final WorkingCalendar office = calendar("de", List.of(LocalDate.of(2026, 12, 31)));

  @Test
  void twoWorkingDaysFromFridayAtFive_areDueOnTuesdayAtFive() {
    assertThat(office.after(at("2026-11-27T17:00"), "P2D")).isEqualTo(at("2026-12-01T17:00"));
  }

  @Test
  void aPublicHolidayOnTheMonday_movesTheTargetOneDayLater() {
    // Whit Monday, 25 May 2026, is a public holiday throughout Germany
    assertThat(office.isPublicHoliday(LocalDate.of(2026, 5, 25))).isTrue();
    assertThat(office.after(at("2026-05-22T17:00"), "P2D")).isEqualTo(at("2026-05-27T17:00"));
  }

  @Test
  void aClosureDay_doesNotCount() {
    // Wednesday 30 December + 1 working day: 31 December is a closure day, 1 January a holiday
    assertThat(office.after(at("2026-12-30T12:00"), "P1D")).isEqualTo(at("2027-01-04T12:00"));
  }

  @Test
  void aTargetSetOutsideTheHours_startsAtTheNextOpening() {
    assertThat(office.after(at("2026-11-28T10:00"), "PT4H")).as("Saturday").isEqualTo(at("2026-11-30T13:00"));
    assertThat(office.after(at("2026-11-26T20:00"), "PT1H")).as("Thursday evening").isEqualTo(at("2026-11-27T10:00"));
  }

  @Test
  void workingTimeBetweenTwoMoments_countsOnlyOpeningHours() {
    assertThat(office.between(at("2026-11-27T16:00").toInstant(), at("2026-11-30T10:00").toInstant()))
        .isEqualTo(Duration.ofHours(2));
    assertThat(office.between(at("2026-11-30T10:00").toInstant(), at("2026-11-27T16:00").toInstant())).isZero();
  }

  @Test
  void theReminderAtThreeQuarters_fallsAtThreeQuartersOfTheWorkingTime() {
    Date received = at("2026-11-27T17:00");
    Date due = office.after(received, "P2D");
    assertThat(office.share(received, due, 0.75)).isEqualTo(at("2026-12-01T13:00"));
  }

  @Test
  void regionalHolidays_comeFromTheSubdivision() {
    LocalDate epiphany = LocalDate.of(2026, 1, 6);
    assertThat(calendar("de-by", List.of()).isPublicHoliday(epiphany)).isTrue();
    assertThat(calendar("de-be", List.of()).isPublicHoliday(epiphany)).isFalse();
    assertThat(calendar("", List.of()).isPublicHoliday(LocalDate.of(2026, 12, 25))).as("no holidays configured").isFalse();
  }

  @Test
  void durations_areWorkingDaysAndHours_monthsAreRefused() {
    assertThat(office.workingTime("P1W")).isEqualTo(Duration.ofHours(40));
    assertThat(office.workingTime("P1DT2H")).isEqualTo(Duration.ofHours(10));
    assertThatThrownBy(() -> office.workingTime("P1M")).hasMessageContaining("months");
    assertThatThrownBy(() -> office.workingTime("two days")).hasMessageContaining("ISO 8601");
  }

  /** As the KPI time-to-decision counts (closure.DecisionWorkingTime): office hours, net of pauses. */
  @Test
  void workingTimeToADecision_fridayToMondayWeekAndAHalf_isSixWorkingDays() {
    Duration worked = office.between(at("2025-01-10T09:00").toInstant(), at("2025-01-20T09:00").toInstant());
    assertThat(worked).isEqualTo(Duration.ofHours(48)); // Fri 8 h, Mon-Fri 40 h, Mon 09:00
    assertThat(worked.toSeconds() / (double) office.workingDay().toSeconds()).isEqualTo(6.0);
  }

  @Test
  void roundTheClock_isCalendarTime() {
    WorkingCalendar always = new WorkingCalendar(new BusinessCalendarSettings("UTC", List.of(DayOfWeek.values()),
        "00:00-24:00", "", List.of()));
    Instant start = Instant.parse("2026-11-28T13:45:00Z");
    assertThat(always.after(start, always.workingTime("P2D"))).isEqualTo(start.plus(Duration.ofDays(2)));
    assertThat(always.between(start, start.plus(Duration.ofHours(30)))).isEqualTo(Duration.ofHours(30));
  }

  static WorkingCalendar calendar(String holidays, List<LocalDate> closureDays) {
    return new WorkingCalendar(new BusinessCalendarSettings("Europe/Berlin", WEEKDAYS, "09:00-17:00", holidays, closureDays));
  }

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }
}
