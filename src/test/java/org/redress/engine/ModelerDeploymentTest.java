package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A process owner deploys from Camunda Modeler: the same multipart POST to
 * /engine-rest/deployment/create that Modeler's Camunda 7 deploy dialog sends (deployment-name,
 * deployment-source "Camunda Modeler", enable-duplicate-filtering, the diagram, and the files picked
 * under "Include additional files"). Then: what Tasklist finds, and what the application deploys at
 * its next start — nothing while processes/ and forms/ are unchanged, so Modeler's version stays.
 */
@RedressTest
class ModelerDeploymentTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired ProcessAndFormDeployment appDeployment;
  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeModelerDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void modelerDeploymentWithTheForms_becomesTheLatestVersion_andTheNextAppStartLeavesIt() throws IOException {
    String changed = Files.readString(Path.of("processes/complaint-handling.bpmn"))
        .replace("name=\"Complaint handling (ISO 10002)\"", "name=\"Complaint handling (from Modeler)\"");
    List<Path> attachments;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      attachments = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }

    ResponseEntity<JsonNode> response = deployFromModeler(changed, attachments);

    assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    String deploymentId = response.getBody().path("id").asText();
    deployments.add(deploymentId);
    assertThat(repository.getDeploymentResourceNames(deploymentId))
        .contains("complaint-handling.bpmn", "register-complaint.form", "review-assessment.form")
        .hasSize(1 + attachments.size());
    ProcessDefinition latest = latest();
    assertThat(latest.getDeploymentId()).isEqualTo(deploymentId);
    assertThat(latest.getName()).isEqualTo("Complaint handling (from Modeler)");
    assertThat(new String(forms.getDeployedStartForm(latest.getId()).readAllBytes(), StandardCharsets.UTF_8))
        .contains("\"id\": \"register-complaint\"");

    // The application restarts with unchanged processes/ and forms/: it deploys nothing, Modeler's version stays.
    assertThat(appDeployment.deploy()).isNull();
    assertThat(latest().getDeploymentId()).isEqualTo(deploymentId);

    // Modeler deploys the same again: duplicate filtering, no new version.
    ResponseEntity<JsonNode> again = deployFromModeler(changed, attachments);
    deployments.add(again.getBody().path("id").asText());
    assertThat(latest().getDeploymentId()).isEqualTo(deploymentId);
  }

  @Test
  void modelerDeploymentWithoutTheForms_deploys_butTheFormsCannotBeFound() throws IOException {
    String changed = Files.readString(Path.of("processes/complaint-handling.bpmn"))
        .replace("name=\"Complaint handling (ISO 10002)\"", "name=\"Complaint handling (forms forgotten)\"");

    ResponseEntity<JsonNode> response = deployFromModeler(changed, List.of());

    assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    deployments.add(response.getBody().path("id").asText());
    // Tasklist shows "Form failure" here: formRefBinding="deployment" looks only in Modeler's deployment.
    assertThatThrownBy(() -> forms.getDeployedStartForm(latest().getId()))
        .hasMessageContaining("register-complaint");
  }

  private ResponseEntity<JsonNode> deployFromModeler(String bpmn, List<Path> attachments) throws IOException {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "complaint-handling");
    body.add("deployment-source", "Camunda Modeler");
    body.add("enable-duplicate-filtering", "true");
    body.add("complaint-handling.bpmn", file("complaint-handling.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
    for (Path attachment : attachments) {
      String name = attachment.getFileName().toString();
      body.add(name, file(name, Files.readAllBytes(attachment)));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    // What Modeler sends after "HTTP Basic" is chosen; /engine-rest does not ask for it yet (see README, Security).
    headers.setBasicAuth("owner", "owner");
    return http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part);
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ComplaintVariables.PROCESS_KEY)
        .latestVersion().singleResult();
  }
}
