package org.redress.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the complainants' API and the staff API (/v3/api-docs, /swagger-ui.html):
 * what it is, how staff log in (HTTP Basic or a webapp session, on every /api/staff operation), and the
 * RFC 9457 problem every error answers with, on every operation.
 */
@Configuration
class OpenApiDescription {

  static final Map<String, String> ERRORS = Map.of(
      "400", "Refused values: every field and reason in errors",
      "404", "No complaint with this reference and access code (the same answer for both)",
      "409", "Not possible now (no decision waiting, survey not open or already answered, request in progress)",
      "413", "Body or upload too large",
      "415", "Unsupported content type",
      "422", "Idempotency-Key reused with a different request",
      "429", "Too many wrong access codes for this reference; see Retry-After");

  @Bean
  OpenAPI redressOpenApi() {
    return new OpenAPI().info(new Info().title("Redress — complaints API")
        .description("Submit a complaint, follow it with its reference and access code, answer the decision and "
            + "rate the handling (ISO 10002 7.2-7.9, 8.3). No account needed. Errors are application/problem+json. "
            + "The staff API (/api/staff/**: KPIs, audit, code lists, corrective actions, case reassignment, "
            + "personal data) needs a staff login: HTTP Basic or a Camunda webapp session.")
        .version("1").license(new License().name("See the project's licence")));
  }

  /** What every staff operation may answer besides its own result. */
  static final Map<String, String> STAFF_ERRORS = Map.of(
      "400", "Refused values: every field and reason in errors",
      "401", "Not logged in: HTTP Basic with a staff account, or the session of a Camunda webapp",
      "403", "Logged in, but not in a group that may do this (the detail says who may)",
      "404", "Nothing with this reference or id");

  static final String BASIC = "staffBasic";
  static final String SESSION = "webappSession";

  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas("Problem", problemSchema());
      api.getComponents().addSecuritySchemes(BASIC, new io.swagger.v3.oas.models.security.SecurityScheme()
          .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("basic")
          .description("A staff account (Camunda identity service)"));
      api.getComponents().addSecuritySchemes(SESSION, new io.swagger.v3.oas.models.security.SecurityScheme()
          .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
          .in(io.swagger.v3.oas.models.security.SecurityScheme.In.COOKIE).name("JSESSIONID")
          .description("The session of a Camunda webapp (Cockpit, Tasklist, Admin); a changing request also "
              + "sends the webapps' CSRF token in X-XSRF-TOKEN"));
      api.getPaths().forEach((path, item) -> {
      if (path.startsWith("/api/staff")) {
        item.readOperations().forEach(operation -> {
          operation.setSecurity(java.util.List.of(
              new io.swagger.v3.oas.models.security.SecurityRequirement().addList(BASIC),
              new io.swagger.v3.oas.models.security.SecurityRequirement().addList(SESSION)));
          STAFF_ERRORS.forEach((status, description) -> addProblem(operation, status, description));
        });
        return;
      }
      if (!path.startsWith("/api/complaints")) {
        return;
      }
      item.readOperations().forEach(operation -> ERRORS.forEach((status, description) -> {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
          operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
              .content(new Content().addMediaType("application/problem+json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
      }));
      });
    };
  }

  private static void addProblem(io.swagger.v3.oas.models.Operation operation, String status, String description) {
    if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
      operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
          .content(new Content().addMediaType("application/problem+json",
              new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("field", new StringSchema().example("complainantEmail"));
    fieldError.addProperty("reason", new StringSchema().example("is not a valid e-mail address"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema().format("uri"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema().format("uri"));
    problem.addProperty("errors", new ArraySchema().items(fieldError));
    return problem;
  }
}
