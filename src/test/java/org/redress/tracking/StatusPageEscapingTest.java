package org.redress.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * ISO 10002 4.10 / issue 4: what a complainant types — script tags, HTML, SQL — is stored as text
 * and shown escaped on the public status page, never run or interpreted.
 */
@RedressTest
class StatusPageEscapingTest {

  static final String PAYLOAD = "<script>alert('x')</script><b>Kettle</b>'; DROP TABLE complaint; --";

  @LocalServerPort int port;
  @Autowired ComplaintRepository complaints;

  @Test
  void scriptHtmlAndSql_areStoredAsText_andShownEscapedOnTheStatusPage() throws Exception {
    RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("complainantName", "Jane <img src=x onerror=alert(1)> Doe");
    complaint.put("complainantEmail", "jane.escape@example.org");
    complaint.put("preferredChannel", "email");
    complaint.put("productOrService", PAYLOAD);
    complaint.put("description", "The kettle broke after two days. <script>alert('y')</script>");

    JsonNode submitted = http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).body(complaint)
        .retrieve().body(JsonNode.class);
    String reference = submitted.path("reference").asText();

    assertThat(complaints.get(reference).productOrService()).isEqualTo(PAYLOAD);
    String page = openStatusPage(reference, submitted.path("accessCode").asText());
    assertThat(page).contains("The kettle broke after two days. &lt;script&gt;alert(&#39;y&#39;)&lt;/script&gt;");
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;Kettle&lt;/b&gt;")
        .doesNotContain("<script>alert", "<b>Kettle</b>");
  }

  /** As a browser does: the lookup form's token, then reference and code by POST, then the page. */
  String openStatusPage(String reference, String code) throws Exception {
    var browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
    String lookup = browser.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/complaints/status")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    String token = lookup.replaceAll("(?s).*name=\"_token\" value=\"([^\"]+)\".*", "$1");
    return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/complaints/status"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_token=" + token + "&reference=" + reference
            + "&code=" + code)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }
}
