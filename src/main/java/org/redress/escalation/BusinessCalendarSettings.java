package org.redress.escalation;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the organisation works (ISO 10002 4.15 "timely"): response targets count working time in
 * this calendar. A wrong value fails the start with a sentence naming the setting, never a running
 * complaint.
 *
 * @param zone the organisation's time zone, such as Europe/Berlin
 * @param workingWeek the working days, such as MONDAY..FRIDAY
 * @param hours the working hours of each working day, such as 09:00-17:00; 00:00-24:00 for an
 *     organisation that works round the clock
 * @param holidays where public holidays are taken from: a country code, optionally with a
 *     subdivision ({@code de}, {@code de-by}, {@code gb-eng}); empty for none. Holidays come from
 *     Jollyday's calendars, not from a hand-typed list
 * @param closureDays further days the organisation is closed (company holidays), as dates
 */
@ConfigurationProperties("redress.business-calendar")
public record BusinessCalendarSettings(
    String zone, List<DayOfWeek> workingWeek, String hours, String holidays, List<LocalDate> closureDays) {

  private static final String PREFIX = "redress.business-calendar.";

  public BusinessCalendarSettings {
    zoneId(zone);
    if (workingWeek == null || workingWeek.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "working-week is empty: name at least one working day, such as MONDAY");
    }
    workingWeek = List.copyOf(new TreeSet<>(workingWeek));
    opening(hours);
    holidays = holidays == null ? "" : holidays.strip().toLowerCase(Locale.ROOT);
    holidayArguments(holidays);
    closureDays = closureDays == null ? List.of() : List.copyOf(closureDays);
  }

  public ZoneId zoneId() {
    return zoneId(zone);
  }

  public LocalTime opens() {
    return opening(hours)[0];
  }

  /** When a working day ends; null for 24:00, the start of the next day. */
  public LocalTime closes() {
    return opening(hours)[1];
  }

  /** How long a working day is: from opening to closing, 24 hours for 00:00-24:00. */
  public Duration workingDay() {
    LocalTime[] opening = opening(hours);
    return opening[1] == null ? Duration.between(opening[0], LocalTime.MAX).plusNanos(1) : Duration.between(opening[0], opening[1]);
  }

  /** Jollyday's holiday manager for the configured country, or null when no holidays are configured. */
  HolidayManager holidayManager() {
    return holidays.isEmpty() ? null : HolidayManager.getInstance(ManagerParameters.create(country(holidays)));
  }

  /** The subdivision path Jollyday expects after the country, such as {"by"} for de-by. */
  String[] subdivisions() {
    return holidayArguments(holidays);
  }

  private static ZoneId zoneId(String zone) {
    try {
      return ZoneId.of(zone == null ? "" : zone.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(PREFIX + "zone '" + zone + "' is not a time zone; use a region id such as Europe/Berlin");
    }
  }

  private static LocalTime[] opening(String hours) {
    String[] parts = hours == null ? new String[0] : hours.split("-");
    try {
      if (parts.length == 2) {
        LocalTime opens = LocalTime.parse(parts[0].strip());
        LocalTime closes = parts[1].strip().equals("24:00") ? null : LocalTime.parse(parts[1].strip()); // null: midnight
        if (closes != null && !opens.isBefore(closes)) {
          throw new IllegalArgumentException(PREFIX + "hours '" + hours
              + "' ends before it starts; give the opening time first, such as 09:00-17:00");
        }
        return new LocalTime[] {opens, closes};
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(PREFIX + "hours '" + hours + "' is not a range of times such as 09:00-17:00");
  }

  private static String country(String region) {
    return region.split("-")[0].toUpperCase(Locale.ROOT); // Jollyday's country codes are upper case, subdivisions lower
  }

  private static String[] holidayArguments(String region) {
    if (region.isEmpty()) {
      return new String[0];
    }
    String[] path = region.split("-");
    Set<String> countries = HolidayManager.getSupportedCalendarCodes();
    if (!countries.contains(country(region))) {
      throw new IllegalArgumentException(PREFIX + "holidays '" + region + "' names no known country; use a country code such as de, "
          + "optionally with a subdivision such as de-by");
    }
    CalendarHierarchy level = HolidayManager.getInstance(ManagerParameters.create(country(region))).getCalendarHierarchy();
    for (int i = 1; i < path.length; i++) {
      level = level.getChildren().get(path[i]);
      if (level == null) {
        throw new IllegalArgumentException(PREFIX + "holidays '" + region + "': '" + path[i] + "' is not a subdivision of "
            + path[0] + " known to the holiday calendar");
      }
    }
    String[] subdivisions = new String[path.length - 1];
    System.arraycopy(path, 1, subdivisions, 0, subdivisions.length);
    return subdivisions;
  }
}
