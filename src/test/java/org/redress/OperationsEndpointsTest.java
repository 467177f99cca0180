package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operators read (docs/operations.md): liveness and readiness for the load balancer (database and
 * engine in readiness, never the mail server), and /actuator/prometheus, behind a staff login, with
 * Redress's meters moving when a complaint comes in and is acknowledged, and Camunda's; the log lines of a
 * complaint's job carry its reference.
 */
@RedressTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired MeterRegistry registry;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void livenessAndReadiness_areOpenForTheLoadBalancer_andReadinessIsDatabaseAndEngineButNotMail() throws Exception {
    HttpResponse<String> liveness = get("/actuator/health/liveness", null);
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(json.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");
    assertThat(readiness.statusCode()).isEqualTo(200);
    JsonNode components = json.readTree(readiness.body()).path("components");
    assertThat(components.fieldNames()).toIterable().containsExactlyInAnyOrder("db", "processEngine", "readinessState");
    assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheus_needsAStaffLogin() throws Exception {
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "intruder:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void prometheus_carriesRedressMeters_thatMoveWithAComplaint_andCamundas(CapturedOutput output) throws Exception {
    // counters before, from the registry (a scrape would read, and cache for 10 s, the database gauges)
    double received = count("redress.complaints.received", "channel", "api");
    double intakes = registry.find("redress.intake").tags("channel", "api", "outcome", "recorded").timers().stream()
        .mapToDouble(t -> t.count()).sum();
    double letters = count("redress.letters", "message", "ACKNOWLEDGEMENT", "outcome", "recorded");
    HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"complainantName":"Jane Doe","complainantEmail":"jane@example.org","preferredChannel":"email",
             "productOrService":"Broadband","description":"My invoice shows a late fee although I paid on time."}"""))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).isEqualTo(201);
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    String reference = json.readTree(submitted.body()).path("reference").asText();
    driver.runDueJobs(driver.byReference(reference));
    assertThat(output.getOut()).as("a job's log lines carry the complaint reference (engine logging context)")
        .containsPattern("INFO \\[" + reference + "] .*ACKNOWLEDGEMENT");

    String after = scrape();
    assertThat(value(after, "redress_complaints_received_total", "channel=\"api\"")).isEqualTo(received + 1);
    assertThat(value(after, "redress_intake_seconds_count", "channel=\"api\",outcome=\"recorded\"")).isEqualTo(intakes + 1);
    assertThat(value(after, "redress_letters_total", "message=\"ACKNOWLEDGEMENT\",outcome=\"recorded\""))
        .isEqualTo(letters + 1);
    assertThat(value(after, "redress_complaints_open", "status=\"ACKNOWLEDGED\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(after, "redress_complaints_overdue", "application")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "redress_jobs_backlog", "application")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "redress_jobs_failing", "application")).isGreaterThanOrEqualTo(0);
    assertThat(value(after, "redress_incidents", "application")).isGreaterThanOrEqualTo(0);
    assertThat(after).contains("redress_intake_seconds_bucket{");
    // Camunda's own metrics, counted by the engine for this complaint
    assertThat(after).contains("camunda_job_successful_total{", "camunda_job_failed_total{",
        "camunda_root_process_instance_start_total{");
    assertThat(value(after, "camunda_activity_instance_start_total", "application")).isGreaterThan(0);
  }

  double count(String name, String... tags) {
    return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  String scrape() throws Exception {
    HttpResponse<String> answer = get("/actuator/prometheus", "admin:admin");
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  /** The sample of {@code name} whose labels contain {@code labels}, NaN when there is none. */
  static double value(String scrape, String name, String labels) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
    while (sample.find()) {
      if (sample.group(1).contains(labels)) {
        return Double.parseDouble(sample.group(2));
      }
    }
    return Double.NaN;
  }

  HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
