package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/ and forms/ go out as one deployment, only when something changed, always complete. */
@RedressTest
class ProcessAndFormDeploymentTest {

  @Autowired ProcessAndFormDeployment deployment;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  @Test
  void everyBpmnDmnAndFormIsInOneDeployment() throws Exception {
    Deployment latest = latest();
    List<String> names = repository.getDeploymentResourceNames(latest.getId());

    List<String> expected;
    try (var processes = Files.list(Path.of("processes")); var formFiles = Files.list(Path.of("forms"))) {
      expected = java.util.stream.Stream.concat(processes, formFiles).map(Path::toString)
          .filter(p -> p.endsWith(".bpmn") || p.endsWith(".dmn") || p.endsWith(".form")).sorted().toList();
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void startFormAndTaskFormsResolveFromTheSameDeployment() throws Exception {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("complaint-handling")
        .latestVersion().singleResult();
    assertThat(new String(forms.getDeployedStartForm(definition.getId()).readAllBytes(), StandardCharsets.UTF_8))
        .contains("\"id\": \"register-complaint\"");

    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());
    String taskId = driver.task(complaint, "Task_ReviewAssessment").getId();
    assertThat(new String(forms.getDeployedTaskForm(taskId).readAllBytes(), StandardCharsets.UTF_8))
        .contains("\"id\": \"review-assessment\"");
  }

  @Test
  void unchangedResources_deployNothing_changedOnes_deployEverythingAgain() throws Exception {
    String before = latest().getId();
    assertThat(deployment.deploy()).isNull();
    assertThat(latest().getId()).isEqualTo(before);

    // The app's previous deployment held an older version of one process (the file has changed since):
    String older = Files.readString(Path.of("processes/complaint-handling.bpmn"))
        .replace("name=\"Complaint handling (ISO 10002)\"", "name=\"Complaint handling (older)\"");
    var olderDeployment = repository.createDeployment().name(ProcessAndFormDeployment.DEPLOYMENT_NAME)
        .source(ProcessAndFormDeployment.SOURCE);
    for (var resource : ProcessAndFormDeployment.resources()) {
      String name = ProcessAndFormDeployment.resourceName(resource);
      olderDeployment.addInputStream(name, name.endsWith("complaint-handling.bpmn")
          ? new ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8)) : resource.getInputStream());
    }
    olderDeployment.deploy();

    String redeployed = deployment.deploy();
    assertThat(redeployed).isNotNull();
    assertThat(repository.getDeploymentResourceNames(redeployed))
        .hasSize(repository.getDeploymentResourceNames(before).size());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").latestVersion()
        .singleResult().getName()).isEqualTo("Complaint handling (ISO 10002)");
  }

  private Deployment latest() {
    return repository.createDeploymentQuery().deploymentName(ProcessAndFormDeployment.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).get(0);
  }
}
