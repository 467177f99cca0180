package org.redress.escalation;

import org.redress.complaint.StaffTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business calendar's zone is the zone staff read every moment in ({@link StaffTime}). */
@Configuration(proxyBeanMethods = false)
class OrganisationTimeZone {

  @Bean
  StaffTime staffTime(BusinessCalendarSettings calendar) {
    return new StaffTime(calendar.zoneId());
  }
}
