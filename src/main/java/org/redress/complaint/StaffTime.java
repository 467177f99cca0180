package org.redress.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * How every staff screen and document writes a moment: one format, in the organisation's time zone
 * ({@code redress.business-calendar.zone}), with the zone named — "2026-11-29 17:21 CET". Evidence
 * is compared across screens, so it must read the same everywhere (ISO 10002 8.5).
 */
public record StaffTime(ZoneId zone) {

  /** The one pattern; the Cockpit plugin and the dashboard's scripts receive strings in it. */
  public static final String PATTERN = "yyyy-MM-dd HH:mm z";

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN, Locale.ENGLISH);

  public String format(Instant moment) {
    return moment == null ? "" : FORMAT.format(moment.atZone(zone));
  }

  public String format(OffsetDateTime moment) {
    return moment == null ? "" : format(moment.toInstant());
  }

  public String format(ZonedDateTime moment) {
    return moment == null ? "" : format(moment.toInstant());
  }

  public String format(Date moment) {
    return moment == null ? "" : format(moment.toInstant());
  }
}
