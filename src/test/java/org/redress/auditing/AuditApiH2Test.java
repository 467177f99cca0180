package org.redress.auditing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.security.StaffHttp;

/** The audit API contract on the embedded default database, H2. */
@RedressTest
class AuditApiH2Test extends AuditApiContract {

  /**
   * The Cockpit plugin calls the API with the browser's Cockpit session. (H2 only: the postgres
   * profile marks the session cookies Secure, which a plain-HTTP test client does not send back.)
   */
  @Test
  void anAuditorsCockpitSession_reachesTheAuditApi_aHandlersTasklistSessionDoesNot() {
    String reference = openComplaint();
    StaffHttp.WebappSession cockpit = http.webappSession("auditor", "auditor", "cockpit");
    assertThat(cockpit.get(API + "/" + reference + "/history").status()).isEqualTo(200);
    assertThat(cockpit.get(API + "?reference=" + reference).status()).isEqualTo(200);
    assertThat(cockpit.get(API + "/" + reference + "/case-file.pdf").status()).isEqualTo(200);
    StaffHttp.WebappSession tasklist = http.webappSession("handler", "handler", "tasklist");
    assertThat(tasklist.get(API + "/" + reference + "/history").status()).isEqualTo(403);
  }
}
