package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every staff API is in the OpenAPI description, with how to log in and the problems it answers. */
@RedressTest
class StaffApiDescriptionTest {

  @LocalServerPort int port;

  @Test
  void everyStaffOperation_declaresBasicOrWebappSession_andItsProblemAnswers() {
    StaffHttp.Response answer = new StaffHttp(port).get(StaffHttp.ANONYMOUS, "/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode docs = answer.json();
    assertThat(docs.path("components").path("securitySchemes").path("staffBasic").path("scheme").asText()).isEqualTo("basic");
    assertThat(docs.path("components").path("securitySchemes").path("webappSession").path("in").asText()).isEqualTo("cookie");
    for (String path : List.of("/api/staff/kpis", "/api/staff/kpis/trend", "/api/staff/kpis/breakdown",
        "/api/staff/kpis/complaints", "/api/staff/complaints/{reference}/handler")) {
      assertThat(docs.path("paths").has(path)).as(path).isTrue();
    }
    int staffOperations = 0;
    for (var paths = docs.path("paths").fields(); paths.hasNext(); ) {
      var path = paths.next();
      if (!path.getKey().startsWith("/api/staff")) {
        continue;
      }
      for (var operations = path.getValue().fields(); operations.hasNext(); ) {
        var operation = operations.next();
        staffOperations++;
        String name = operation.getKey() + " " + path.getKey();
        assertThat(operation.getValue().path("security").toString()).as(name).contains("staffBasic").contains("webappSession");
        for (String status : List.of("401", "403")) {
          assertThat(operation.getValue().path("responses").path(status).path("content").has("application/problem+json"))
              .as(name + " " + status).isTrue();
        }
      }
    }
    assertThat(staffOperations).isGreaterThan(10);
  }
}
