package org.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StaffTimeTest {

  @Test
  void aMomentReadsInTheOrganisationsZone_withTheZoneNamed() {
    Instant moment = Instant.parse("2026-11-29T16:21:30Z");

    assertThat(new StaffTime(ZoneId.of("UTC")).format(moment)).isEqualTo("2026-11-29 16:21 UTC");
    assertThat(new StaffTime(ZoneId.of("Europe/Berlin")).format(moment)).isEqualTo("2026-11-29 17:21 CET");
    assertThat(new StaffTime(ZoneId.of("Europe/Berlin")).format(Instant.parse("2026-07-01T10:00:00Z")))
        .isEqualTo("2026-07-01 12:00 CEST");
    assertThat(new StaffTime(ZoneId.of("UTC")).format((Instant) null)).isEmpty();
  }
}
