package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff logged in to a Camunda webapp reach Redress's staff API and pages with that session (the
 * Cockpit plugin and the dashboards rely on it), with the same authorizations as over Basic auth.
 */
@RedressTest
class WebappSessionTest {

  static final String UNKNOWN = "/api/staff/complaints/C-1999-999999/personal-data";

  @LocalServerPort int port;

  @Test
  void aSupervisorsTasklistSession_passesTheStaffApisLogin() {
    StaffHttp http = new StaffHttp(port);
    assertThat(http.get(StaffHttp.ANONYMOUS, UNKNOWN).status()).as("no session, no Basic").isEqualTo(401);

    StaffHttp.WebappSession supervisor = http.webappSession("supervisor", "supervisor", "tasklist");
    assertThat(supervisor.get(UNKNOWN).status()).as("authenticated: the complaint is unknown").isEqualTo(404);
  }

  @Test
  void aHandlersSession_isRefusedWhatAHandlerMayNotDo() {
    StaffHttp.WebappSession handler = new StaffHttp(port).webappSession("handler", "handler", "tasklist");
    assertThat(handler.get(UNKNOWN).status()).isEqualTo(403);
  }

  @Test
  void aChangingRequestFromASession_needsTheWebappsCsrfToken() {
    StaffHttp.WebappSession supervisor = new StaffHttp(port).webappSession("supervisor", "supervisor", "tasklist");
    assertThat(supervisor.send("DELETE", UNKNOWN, false).status()).as("forged from another site").isEqualTo(403);
    assertThat(supervisor.send("DELETE", UNKNOWN, true).status()).isEqualTo(404);
  }

  @Test
  void aStaffPageWithoutASession_sendsTheBrowserToCamundasLogin() {
    StaffHttp.Response page = new StaffHttp(port).get(StaffHttp.ANONYMOUS, "/staff/anything");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith(EngineRestAuthentication.WEBAPP_LOGIN));
  }
}
