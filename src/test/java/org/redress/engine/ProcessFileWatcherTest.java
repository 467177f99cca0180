package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.redress.RedressTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

/**
 * The dev loop: a saved file in processes/ or forms/ is deployed without a restart; a broken one
 * is logged and the application stays up. The watcher runs on a temporary working copy with a
 * small process of its own, under a deployment name of its own, so the shared engine's "redress"
 * deployment is untouched.
 */
@RedressTest
@ExtendWith(OutputCaptureExtension.class)
class ProcessFileWatcherTest {

  static final String NAME = "redress-dev-loop-test";

  @Autowired ProcessAndFormDeployment deployment;
  @Autowired RepositoryService repository;
  @Autowired TestRestTemplate http;
  @Autowired ApplicationContext context;
  @TempDir Path workingCopy;
  ProcessFileWatcher watcher;

  @AfterEach
  void stopAndRemove() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
    repository.createDeploymentQuery().deploymentName(NAME).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  void onlyTheDevProfileWatches() {
    assertThat(context.getBeanNamesForType(ProcessFileWatcher.class)).as("shared test context, no dev profile").isEmpty();
    ApplicationContextRunner app = new ApplicationContextRunner()
        .withBean(ProcessAndFormDeployment.class, () -> deployment)
        .withUserConfiguration(ProcessFileWatcher.class)
        .withPropertyValues("redress.dev.watch-dir=" + workingCopy);
    app.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProcessFileWatcher.class));
    app.withPropertyValues("spring.profiles.active=dev")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ProcessFileWatcher.class));
  }

  @Test
  void savedFilesAreRedeployed_aBrokenFileIsLogged_andTheAppStaysUp(CapturedOutput log) throws Exception {
    Files.createDirectories(workingCopy.resolve("processes"));
    Files.createDirectories(workingCopy.resolve("forms"));
    Files.writeString(workingCopy.resolve("forms/watched-task.form"),
        "{\"id\": \"watched-task\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": []}");
    Files.writeString(workingCopy.resolve("processes/watched.bpmn"), process("Watched, first version"));
    watcher = new ProcessFileWatcher(deployment, workingCopy, NAME);
    watcher.start();
    watcher.redeploy();
    assertThat(latestName()).isEqualTo("Watched, first version");
    assertThat(repository.getDeploymentResourceNames(latestDeploymentId()))
        .containsExactlyInAnyOrder("processes/watched.bpmn", "forms/watched-task.form");

    // a process owner saves a change in Modeler
    Files.writeString(workingCopy.resolve("processes/watched.bpmn"), process("Watched, second version"));
    await(() -> "Watched, second version".equals(latestName()));
    assertThat(watcher.deployments()).isEqualTo(2);

    // ... then saves a broken file
    Files.writeString(workingCopy.resolve("processes/broken.bpmn"),
        process("Broken").replace("camunda:formRef=\"watched-task\"", "camunda:formRef=\"watched-task\" camunda:dueDate=\"${\""));
    await(() -> watcher.failures() == 1);
    assertThat(log.getOut()).contains("were NOT deployed")
        .contains("Saved since the last deployment: [processes/broken.bpmn]").contains("Error parsing '${'");
    assertThat(watcher.isWatching()).isTrue();
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(latestName()).isEqualTo("Watched, second version");

    // ... and fixes it
    Files.delete(workingCopy.resolve("processes/broken.bpmn"));
    Files.writeString(workingCopy.resolve("processes/watched.bpmn"), process("Watched, third version"));
    await(() -> "Watched, third version".equals(latestName()));
  }

  private static String process(String name) {
    return Bpmn.convertToString(Bpmn.createExecutableProcess(name.equals("Broken") ? "broken-watched" : "watched")
        .name(name).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Watched").name("Started")
        .userTask("Task_Watched").name("Watched task").camundaFormRef("watched-task").camundaFormRefBinding("deployment")
        .endEvent("EndEvent_Watched").name("Done").done());
  }

  private String latestName() {
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey("watched").latestVersion().singleResult();
    return definition == null ? null : definition.getName();
  }

  private String latestDeploymentId() {
    return repository.createDeploymentQuery().deploymentName(NAME).orderByDeploymentTime().desc().listPage(0, 1).get(0).getId();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(end);
      Thread.sleep(100);
    }
  }
}
