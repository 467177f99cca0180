package org.redress.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything in processes/ (BPMN, DMN) and forms/ (Camunda Forms) as ONE deployment at
 * start-up. A new deployment is made only when a resource changed, and it then contains all
 * resources, so a process's {@code formRefBinding="deployment"} always finds its forms.
 */
@Component
@Order(1)
class ProcessAndFormDeployment implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "redress";
  /**
   * Duplicate filtering compares with the latest deployment of the same name AND source: a process
   * owner's deployment from Modeler (another source) is not overridden at the next start unless
   * the files in processes/ or forms/ changed.
   */
  public static final String SOURCE = "redress-application";
  static final List<String> PATTERNS = List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
      "classpath*:forms/*.form");
  private static final Logger LOG = LoggerFactory.getLogger(ProcessAndFormDeployment.class);

  private final RepositoryService repository;

  public ProcessAndFormDeployment(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    deploy();
  }

  /** @return the new deployment's id, or null when nothing changed */
  public String deploy() throws IOException {
    return deploy(DEPLOYMENT_NAME, resources());
  }

  /**
   * Deploys {@code resources} as one deployment {@code name} (source {@link #SOURCE}) when any of
   * them differs from the latest deployment of that name and source.
   *
   * @return the new deployment's id, or null when nothing changed
   */
  public String deploy(String name, List<Resource> resources) throws IOException {
    DeploymentBuilder builder = repository.createDeployment()
        .name(name)
        .source(SOURCE)
        // deployChangedOnly=false: if anything changed, deploy all resources together
        .enableDuplicateFiltering(false);
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(resourceName(resource), in);
      }
    }
    long before = repository.createDeploymentQuery().deploymentName(name).count();
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    boolean created = repository.createDeploymentQuery().deploymentName(name).count() > before;
    LOG.info("{} resources from processes/ and forms/: {}", resources.size(),
        created ? "deployed as " + deployment.getId() : "unchanged, nothing deployed");
    return created ? deployment.getId() : null;
  }

  /** processes/*.bpmn, processes/*.dmn and forms/*.form under {@code root}, e.g. the working copy. */
  static List<Resource> resourcesIn(Path root) throws IOException {
    List<Resource> all = new ArrayList<>();
    for (String dir : List.of("processes", "forms")) {
      Path folder = root.resolve(dir);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (var files = Files.list(folder)) {
        files.filter(ProcessAndFormDeployment::isDeployable).map(p -> (Resource) new FileSystemResource(p))
            .forEach(all::add);
      }
    }
    all.sort(Comparator.comparing(ProcessAndFormDeployment::resourceName));
    return all;
  }

  static boolean isDeployable(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"));
  }

  static List<Resource> resources() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> all = new ArrayList<>();
    for (String pattern : PATTERNS) {
      all.addAll(List.of(resolver.getResources(pattern)));
    }
    all.sort(Comparator.comparing(ProcessAndFormDeployment::resourceName));
    return all;
  }

  /** processes/complaint-handling.bpmn, forms/review-assessment.form … */
  static String resourceName(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int forms = url.lastIndexOf("/forms/");
      int processes = url.lastIndexOf("/processes/");
      return url.substring(Math.max(forms, processes) + 1);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot name resource " + resource, e);
    }
  }
}
