package org.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages are modules whose dependencies run one way — edges → ISO stages → the complaint core
 * and the engine wiring — checked by Spring Modulith from the compiled classes: a package cycle, a use
 * of another module's internals, or a core module reaching up fails the build.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(RedressApplication.class);

  /** Where the module documentation lives; -Dredress.modules=docs/modules rewrites it. */
  static final Path DOCS = Path.of("docs", "modules");

  @Test
  void modulesDependOnEachOtherOneWay_withoutCycles() {
    MODULES.verify();
  }

  @Test
  void aPackageCycle_failsTheCheck() {
    ImportOption testClassesToo = location -> true;
    ApplicationModules broken = ApplicationModules.of("brokenmodules", testClassesToo);

    assertThatThrownBy(broken::verify).isInstanceOf(Violations.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("Slice billing")
        .hasMessageContaining("Slice orders");
  }

  @Test
  void theModuleDocumentationInDocs_isCurrent() throws IOException {
    String target = System.getProperty("redress.modules", "target/modules");
    new Documenter(MODULES, target)
        .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.C4))
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    if (Path.of(target).toAbsolutePath().equals(DOCS.toAbsolutePath())) {
      return; // just written
    }
    List<String> stale = new ArrayList<>();
    try (Stream<Path> written = Files.list(Path.of(target)); Stream<Path> kept = Files.list(DOCS)) {
      for (Path file : written.sorted().toList()) {
        Path committed = DOCS.resolve(file.getFileName());
        if (!Files.exists(committed) || !sameLines(committed, file)) {
          stale.add(file.getFileName().toString());
        }
      }
      kept.filter(file -> !Files.exists(Path.of(target).resolve(file.getFileName())))
          .forEach(file -> stale.add(file.getFileName() + " (no such module any more)"));
    }
    assertThat(stale).as("docs/modules is out of date; rewrite it with "
        + "./mvnw test -Dtest=ModularityTest -Dredress.modules=docs/modules").isEmpty();
  }

  /**
   * The same lines, in any order. The Documenter writes the relations in an order that follows
   * identity hash codes, which shift with whatever ran before in the JVM: one more test class in the
   * run is enough to reorder them without changing a single relation.
   */
  static boolean sameLines(Path committed, Path written) throws IOException {
    return Files.readAllLines(committed).stream().sorted().toList()
        .equals(Files.readAllLines(written).stream().sorted().toList());
  }
}
