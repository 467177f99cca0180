package org.redress.escalation;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Working time in the organisation's business calendar (ISO 10002 4.15): which days are working
 * days, when a target of "2 working days" falls due, and how much working time lies between two
 * moments. The one calendar behind every response target: the delegates that set due dates and the
 * engine's timers written as durations ({@link WorkingTimeDurations}) both ask it.
 *
 * <p>A working day is as long as the configured hours: P2D is two full working days, PT4H four
 * working hours. Working time does not pass outside the hours, at weekends, on public holidays or
 * on closure days; a target set then starts at the next opening.
 */
@Component
public class WorkingCalendar {

  /** A target further away than this is a mistake in a setting, not a wait: refuse it. */
  private static final int MAX_DAYS_AHEAD = 366 * 20;

  private final BusinessCalendarSettings settings;
  private final HolidayManager holidays;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();
  private final Set<LocalDate> closureDays;
  private final Set<DayOfWeek> workingWeek;
  private final Duration workingDay;
  private final LocalTime opens;
  private final LocalTime closes; // null: midnight
  private final ZoneId zone;

  public WorkingCalendar(BusinessCalendarSettings settings) {
    this.settings = settings;
    this.holidays = settings.holidayManager();
    this.closureDays = Set.copyOf(settings.closureDays());
    this.workingWeek = Set.copyOf(settings.workingWeek());
    this.workingDay = settings.workingDay();
    this.opens = settings.opens();
    this.closes = settings.closes();
    this.zone = settings.zoneId();
  }

  /** Whether the organisation works on this day. */
  public boolean isWorkingDay(LocalDate day) {
    return workingWeek.contains(day.getDayOfWeek()) && !closureDays.contains(day) && !isPublicHoliday(day);
  }

  public boolean isPublicHoliday(LocalDate day) {
    return holidays != null && holidaysByYear.computeIfAbsent(day.getYear(), this::holidaysOf).contains(day);
  }

  /** The moment {@code isoDuration} of working time (P2D, PT4H, P1DT4H, P1W) after {@code start}. */
  public Date after(Date start, String isoDuration) {
    return Date.from(after(start.toInstant(), workingTime(isoDuration)));
  }

  /** The moment {@code amount} of working time after {@code start}. */
  public Instant after(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a working-time target cannot be negative: " + amount);
    }
    ZonedDateTime at = start.atZone(zone);
    Duration remaining = amount;
    for (int days = 0; days < MAX_DAYS_AHEAD; days++) {
      LocalDate day = at.toLocalDate();
      if (isWorkingDay(day)) {
        ZonedDateTime opening = day.atTime(opens).atZone(zone);
        ZonedDateTime closing = closing(day);
        ZonedDateTime from = at.isAfter(opening) ? at : opening;
        if (from.isBefore(closing)) {
          Duration open = Duration.between(from, closing);
          if (remaining.compareTo(open) <= 0) {
            return from.plus(remaining).toInstant();
          }
          remaining = remaining.minus(open);
        }
      }
      at = day.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalArgumentException("no working time within 20 years: check redress.business-calendar");
  }

  /** Working time between two moments (zero when {@code to} is not after {@code from}). */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    ZonedDateTime end = to.atZone(zone);
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        Instant opening = day.atTime(opens).atZone(zone).toInstant();
        Instant closing = closing(day).toInstant();
        Instant a = from.isAfter(opening) ? from : opening;
        Instant b = to.isBefore(closing) ? to : closing;
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  /** The moment when {@code share} of the working time from {@code start} to {@code end} has passed (reminders at 75 %). */
  public Date share(Date start, Date end, double share) {
    Duration whole = between(start.toInstant(), end.toInstant());
    return Date.from(after(start.toInstant(), Duration.ofMillis(Math.round(whole.toMillis() * share))));
  }

  /** The length of one working day in the configured hours. */
  public Duration workingDay() {
    return workingDay;
  }

  /**
   * An ISO 8601 duration as working time: days and weeks count working days of the configured
   * length (a week is as many days as the working week has), hours and minutes count working
   * hours. Months and years have no fixed number of working days and are refused.
   */
  public Duration workingTime(String isoDuration) {
    String text = isoDuration == null ? "" : isoDuration.strip().toUpperCase();
    int t = text.indexOf('T');
    String datePart = t < 0 ? text : text.substring(0, t);
    String timePart = t < 0 ? "" : text.substring(t);
    try {
      Period period = datePart.equals("P") || datePart.isEmpty() ? Period.ZERO : Period.parse(datePart);
      if (period.getYears() != 0 || period.getMonths() != 0) {
        throw new IllegalArgumentException("'" + isoDuration + "' counts months or years; a working-time target is in days (P20D) or hours");
      }
      Duration time = timePart.isEmpty() ? Duration.ZERO : Duration.parse("P" + timePart);
      if (!text.startsWith("P") || (datePart.equals("P") && timePart.isEmpty()) || period.isNegative() || time.isNegative()) {
        throw new DateTimeParseException("not a positive duration", text, 0);
      }
      // Period reads P1W as 7 days; a working week is as many days as the organisation works in one
      long days = datePart.matches("P\\d+W") ? Long.parseLong(datePart.substring(1, datePart.length() - 1)) * workingWeek.size()
          : period.getDays();
      return workingDay.multipliedBy(days).plus(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + isoDuration + "' is not an ISO 8601 duration such as P2D or PT4H");
    }
  }

  private ZonedDateTime closing(LocalDate day) {
    return closes == null ? day.plusDays(1).atStartOfDay(zone)
        : day.atTime(closes).atZone(zone);
  }

  private Set<LocalDate> holidaysOf(int year) {
    Set<LocalDate> days = new HashSet<>();
    // Public holidays only (not bank or unofficial ones); where a holiday is observed on another day
    // (a substitute Monday), that is the day the organisation is closed.
    for (Holiday holiday : holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, settings.subdivisions())) {
      days.add(holiday.getObservedDate().orElse(holiday.getActualDate()));
    }
    return days;
  }
}
