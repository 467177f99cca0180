package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Redress's own responses carry the security headers; Camunda's webapps keep theirs. */
@RedressTest
class SecurityHeadersTest {

  @LocalServerPort int port;

  @Test
  void redressResponses_haveCspNosniffAndNoFraming() {
    StaffHttp.Response response = new StaffHttp(port).get(StaffHttp.ANONYMOUS, "/actuator/health");

    assertThat(response.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).as("not in the demo profile").isEmpty();
  }

  @Test
  void camundaWebapps_keepTheirOwnPolicy() {
    StaffHttp.Response response = new StaffHttp(port).get(StaffHttp.ANONYMOUS, "/camunda/app/tasklist/default/");

    assertThat(response.headers().allValues("Content-Security-Policy"))
        .noneMatch(SecurityHeaders.CONTENT_SECURITY_POLICY::equals);
  }

  @Test
  void production_addsHsts() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders(new SecuritySettings(true)).doFilter(new MockHttpServletRequest("GET", "/api/staff/x"), response, new MockFilterChain());

    assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo(SecurityHeaders.HSTS);
  }
}
