package org.redress.complaint;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, so that domain timestamps and timers agree (tests move it with ClockUtil).
 */
public final class EngineClock {

  private EngineClock() {}

  public static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  public static Date nowDate() {
    return ClockUtil.getCurrentTime();
  }

  public static Date toDate(OffsetDateTime time) {
    return Date.from(time.toInstant());
  }

  public static OffsetDateTime fromDate(Date date) {
    return date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
