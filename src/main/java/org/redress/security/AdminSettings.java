package org.redress.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator that {@link ProductionAdmin} keeps outside the demo profile
 * ({@code REDRESS_ADMIN_USER}, {@code REDRESS_ADMIN_PASSWORD} in the environment).
 *
 * @param user the administrator's user id
 * @param password the administrator's password, at least 12 characters ({@link ProductionAdmin#MIN_LENGTH});
 *     there is no default: without it the application does not start outside the demo profile
 */
@ConfigurationProperties("redress.admin")
record AdminSettings(String user, String password) {

  /** Never the password, should the settings be logged. */
  @Override
  public String toString() {
    return "AdminSettings[user=" + user + ", password=" + (password == null || password.isEmpty() ? "(none)" : "******")
        + "]";
  }
}
