package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from Camunda Modeler: the same multipart request Modeler sends to
 * /engine-rest/deployment/create with HTTP Basic. Process owners may; handlers may not.
 */
@RedressTest
class ModelerDeploymentTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  @Test
  void processOwner_deploysTheProcessAndItsForms_fromModeler() throws IOException {
    StaffHttp.Response response = new StaffHttp(port).deployLikeModeler("owner", "complaint-handling (Modeler)", files());

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode deployment = response.json();
    assertThat(deployment.path("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(deployment.path("deployedProcessDefinitions").toString()).contains("\"key\":\"complaint-handling\"");
    Deployment stored = repository.createDeploymentQuery().deploymentId(deployment.path("id").asText()).singleResult();
    assertThat(repository.getDeploymentResourceNames(stored.getId()))
        .contains("complaint-handling.bpmn", "register-complaint.form", "review-assessment.form");
  }

  @Test
  void handler_cannotDeploy() throws IOException {
    long before = repository.createDeploymentQuery().count();

    StaffHttp.Response response = new StaffHttp(port).deployLikeModeler("handler", "sneaky change", files());

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void withoutCredentials_is401() throws IOException {
    assertThat(new StaffHttp(port).deployLikeModeler(StaffHttp.ANONYMOUS, "anonymous", files()).status()).isEqualTo(401);
  }

  private static Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("complaint-handling.bpmn", Files.readAllBytes(Path.of("processes/complaint-handling.bpmn")));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        files.put(form.getFileName().toString(), Files.readAllBytes(form));
      }
    }
    return files;
  }
}
