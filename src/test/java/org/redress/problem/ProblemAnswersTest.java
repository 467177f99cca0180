package org.redress.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One place answers every error: the same problem as application/problem+json to an API client and
 * as the page templates/error.html to a browser, whether a staff guard, a refused value or an address
 * nothing answers — never a stack trace, never Spring's default page.
 */
@RedressTest
class ProblemAnswersTest {

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRefusedValue_isAProblemForTheApi_andTheErrorPageForABrowser() throws Exception {
    HttpResponse<String> api = get("/staff/dashboard?from=garbage", "application/json", "manager");
    HttpResponse<String> page = get("/staff/dashboard?from=garbage", "text/html", "manager");

    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(api.body()).contains("\"field\":\"from\"", "\"reason\":\"must be a date YYYY-MM-DD\"");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<h1>Some values were refused</h1>", "<li>from must be a date YYYY-MM-DD</li>",
        "How to complain").doesNotContain("Whitelabel", "Exception");
  }

  @Test
  void theStaffGuard_refusesWithAProblemThatSaysWhoMay() throws Exception {
    HttpResponse<String> refused = get("/api/staff/audit/reviews", "application/json", "handler");
    HttpResponse<String> page = get("/staff/self-assessment", "text/html", "handler");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"title\":\"Not allowed\"",
        "Only administrators and auditors may read the audit trail of complaints.");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("<h1>Not allowed</h1>",
        "Only administrators, management and process owners may see the complaints-handling figures.");
  }

  @Test
  void anAddressNothingAnswers_isSaidInWords() throws Exception {
    HttpResponse<String> page = get("/complaints/no-such-page", "text/html", null);
    HttpResponse<String> api = get("/api/complaints/C-2026-000001/no-such-thing", "application/json", null);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<h1>Not found</h1>", "There is nothing at this address.")
        .doesNotContain("static resource");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  HttpResponse<String> get(String path, String accept, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept);
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
