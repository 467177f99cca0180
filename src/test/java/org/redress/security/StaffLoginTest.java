package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Staff logins are throttled after a wrong password, for HTTP Basic and the webapps alike. */
@RedressTest
class StaffLoginTest {

  static final String PASSWORD = "correct horse battery";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  StaffHttp http;
  String user;

  @BeforeEach
  void setUp() {
    http = new StaffHttp(port);
    user = "probe" + System.nanoTime();
    User probe = identity.newUser(user);
    probe.setPassword(PASSWORD);
    identity.saveUser(probe);
    identity.createMembership(user, Roles.HANDLERS);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identity.deleteUser(user);
  }

  @Test
  void afterAWrongPassword_evenTheRightOneIsRefused_untilTheDelayHasPassed() {
    assertThat(status(PASSWORD)).isEqualTo(200);

    assertThat(status("guess")).isEqualTo(401);
    assertThat(status(PASSWORD)).as("throttled right after a failure").isEqualTo(401);
    assertThat(http.webappLogin(user, PASSWORD, "tasklist")).as("the webapp login too").isEqualTo(401);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 4_000));
    assertThat(status(PASSWORD)).as("3 s delay passed").isEqualTo(200);
  }

  @Test
  void theDelayGrowsWithEachFailure() {
    assertThat(status("guess")).isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 4_000));
    assertThat(status("guess again")).isEqualTo(401);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 8_000));
    assertThat(status(PASSWORD)).as("second delay is 6 s").isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 12_000));
    assertThat(status(PASSWORD)).isEqualTo(200);
  }

  private int status(String password) {
    return http.send(user, password, "GET", "/engine-rest/task/count", null, null).status();
  }
}
