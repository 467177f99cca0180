package org.redress.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.classification.CodeLists;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.EngineClock;
import org.redress.complaint.Timeline;
import org.redress.security.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clause 8 staff APIs over HTTP with Basic authentication, run on H2 and PostgreSQL by the
 * subclasses: the code lists process owners extend (8.2), and corrective actions with their linked
 * complaints (8.7), and the management review report downloads (8.6).
 */
abstract class ImprovementApiContract {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;
  @Autowired JdbcClient jdbc;
  @Autowired CodeLists codeLists;
  StaffHttp http;
  ComplaintDriver driver;
  ImprovementFixtures fixtures;

  @BeforeEach
  void setUp() {
    http = new StaffHttp(port);
    driver = new ComplaintDriver(engine, complaints, timeline);
    fixtures = new ImprovementFixtures(jdbc, codeLists, engine);
  }

  static String uniqueCode(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  StaffHttp.Response put(String user, String path, Object body) {
    try {
      return http.send(user, "PUT", path, "application/json", new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsBytes(body));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void assertProblem(StaffHttp.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("application/problem+json"));
    if (field != null) {
      assertThat(response.json().path("errors")).anySatisfy(e -> assertThat(e.path("field").asText()).isEqualTo(field));
    }
    assertThat(response.body()).doesNotContain("Exception", "at org.");
  }

  // ------------------------------------------------------------------ code lists (8.2)

  @Test
  void codeLists_areReadByStaff_andExtendedByProcessOwners_neverDeleted() {
    StaffHttp.Response categories = http.get("handler", "/api/staff/code-lists/category");
    assertThat(categories.status()).isEqualTo(200);
    assertThat(categories.json()).anySatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("billing"));
    assertThat(http.get("handler", "/api/staff/code-lists/product").json())
        .anySatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("general"));
    assertThat(http.get("handler", "/api/staff/code-lists/channel").json())
        .anySatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("in-person"));

    String code = uniqueCode("smart-meter");
    StaffHttp.Response created = http.postJson("owner", "/api/staff/code-lists/category",
        Map.of("code", code, "label", "Smart meters", "sortOrder", 95));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(codeLists.activeCodes("category")).contains(code);

    StaffHttp.Response deactivated = put("owner", "/api/staff/code-lists/category/" + code, Map.of("active", false));
    assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
    assertThat(deactivated.json().path("label").asText()).isEqualTo("Smart meters");
    assertThat(codeLists.activeCodes("category")).doesNotContain(code);
    assertThat(http.get("owner", "/api/staff/code-lists/category").json())
        .anySatisfy(e -> {
          assertThat(e.path("code").asText()).isEqualTo(code);
          assertThat(e.path("active").asBoolean()).isFalse();
        });
    assertThat(http.send("owner", "DELETE", "/api/staff/code-lists/category/" + code, null, null).status())
        .as("no deleting").isEqualTo(405);
    assertThat(http.postJson("admin", "/api/staff/code-lists/root-cause",
        Map.of("code", uniqueCode("firmware"), "label", "Firmware")).status()).isEqualTo(201);
  }

  @Test
  void aCodeListEntry_withAFieldItDoesNotHave_isRefusedWithEveryRefusedField_andNotStored() {
    String code = uniqueCode("colour");
    StaffHttp.Response refused = http.postJson("owner", "/api/staff/code-lists/category",
        Map.of("code", code, "label", 42, "colour", "blue"));

    assertProblem(refused, 400, "colour");
    assertThat(refused.json().path("errors")).anySatisfy(e -> {
      assertThat(e.path("field").asText()).isEqualTo("label");
      assertThat(e.path("reason").asText()).isEqualTo("must be text");
    });
    assertThat(http.get("owner", "/api/staff/code-lists/category").body()).doesNotContain(code);
  }

  @Test
  void codeLists_refuseBadInput_andOtherRoles_withProblemJson() {
    assertProblem(http.postJson("owner", "/api/staff/code-lists/category", Map.of("code", "Not A Code!", "label", "x")),
        400, "code");
    assertProblem(http.postJson("owner", "/api/staff/code-lists/category", Map.of("code", uniqueCode("x"))), 400, "label");
    assertProblem(http.postJson("owner", "/api/staff/code-lists/category",
        Map.of("code", uniqueCode("x"), "label", "X", "sortOrder", "first")), 400, "sortOrder");
    assertProblem(http.postJson("owner", "/api/staff/code-lists/category", Map.of("code", "billing", "label", "Again")),
        409, "code");
    assertProblem(http.postJson("owner", "/api/staff/code-lists/colours", Map.of("code", "red", "label", "Red")), 404, "list");
    assertProblem(put("owner", "/api/staff/code-lists/category/no-such-code", Map.of("active", false)), 404, null);
    assertProblem(put("owner", "/api/staff/code-lists/category/billing", Map.of("active", "no")), 400, "active");
    assertProblem(http.send("owner", "POST", "/api/staff/code-lists/category", "application/json",
        "{not json".getBytes(StandardCharsets.UTF_8)), 400, "body");
    assertProblem(http.postJson("handler", "/api/staff/code-lists/category", Map.of("code", uniqueCode("x"), "label", "X")),
        403, null);
    assertProblem(put("manager", "/api/staff/code-lists/category/billing", Map.of("active", false)), 403, null);
    assertThat(http.get(StaffHttp.ANONYMOUS, "/api/staff/code-lists/category").status()).isEqualTo(401);
    assertThat(codeLists.activeCodes("category")).contains("billing");
  }

  // ------------------------------------------------------------------ corrective actions (8.7)

  @Test
  void correctiveAction_showsItsLinkedComplaints_andTheComplaintShowsTheAction() {
    String category = fixtures.newCode(CodeLists.CATEGORY, "api");
    List<String> linked = fixtures.complaints(3, EngineClock.now().minusDays(2), category, null, null);
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("corrective-action").latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("causeKind", "category", "causeCode", category,
        "actionTitle", "Explain tariffs better", "actionReason", "Three complaints about tariffs this week.",
        "linkedComplaints", String.join(",", linked)));
    ProcessInstance instance = driver.as("owner", () -> engine.getFormService().submitStartForm(definitionId, form));
    long id = ((Number) engine.getRuntimeService().getVariable(instance.getId(), "correctiveActionId")).longValue();

    StaffHttp.Response one = http.get("manager", "/api/staff/corrective-actions/" + id);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    JsonNode body = one.json();
    assertThat(body.path("action").path("title").asText()).isEqualTo("Explain tariffs better");
    assertThat(body.path("action").path("status").asText()).isEqualTo("PROPOSED");
    assertThat(body.path("action").path("causeCode").asText()).isEqualTo(category);
    assertThat(body.path("complaints")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(linked);
    assertThat(http.get("owner", "/api/staff/corrective-actions?status=PROPOSED").json())
        .anySatisfy(a -> assertThat(a.path("id").asLong()).isEqualTo(id));
    assertThat(http.get("auditor", "/api/staff/complaints/" + linked.get(0) + "/corrective-actions").json())
        .singleElement().satisfies(a -> assertThat(a.path("id").asLong()).isEqualTo(id));

    assertProblem(http.get("handler", "/api/staff/corrective-actions/" + id), 403, null);
    assertProblem(http.get("manager", "/api/staff/corrective-actions/abc"), 400, "id");
    assertProblem(http.get("manager", "/api/staff/corrective-actions/999999999"), 404, null);
    assertProblem(http.get("manager", "/api/staff/corrective-actions?status=LOST"), 400, "status");
  }

  // ------------------------------------------------------------------ management review report (8.6)

  @Test
  void managementReviewReport_isDownloadable_byManagementProcessOwnersAndAuditors() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("management-review").latestVersion().singleResult().getId();
    ProcessInstance instance = driver.as("manager", () -> engine.getFormService().submitStartForm(definitionId,
        Map.of("periodStart", "2026-01-01", "periodEnd", "2026-01-31")));
    driver.runDueJobs(instance);
    long id = ((Number) engine.getRuntimeService().getVariable(instance.getId(), "managementReviewId")).longValue();

    StaffHttp.Response html = http.get("manager", "/staff/management-reviews/" + id + "/report.html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(html.body()).contains("Management review (ISO 10002 8.6)", "2026-01-01");
    StaffHttp.Response pdf = http.get("auditor", "/staff/management-reviews/" + id + "/report.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");
    assertThat(http.get("owner", "/api/staff/management-reviews").json())
        .anySatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));

    assertProblem(http.get("handler", "/staff/management-reviews/" + id + "/report.pdf"), 403, null);
    assertProblem(http.get("manager", "/staff/management-reviews/999999999/report.html"), 404, null);
  }
}
