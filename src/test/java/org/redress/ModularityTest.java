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
    try (Stream<Path> written = Files.list(Path.of(target))) {
      for (Path file : written.toList()) {
        Files.write(file, inStableOrder(Files.readAllLines(file)));
      }
    }
    if (Path.of(target).toAbsolutePath().equals(DOCS.toAbsolutePath())) {
      return; // just written
    }
    List<String> stale = new ArrayList<>();
    try (Stream<Path> written = Files.list(Path.of(target)); Stream<Path> kept = Files.list(DOCS)) {
      for (Path file : written.sorted().toList()) {
        Path committed = DOCS.resolve(file.getFileName());
        if (!Files.exists(committed) || !Files.readString(committed).equals(Files.readString(file))) {
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
   * The Documenter lists relations and types in the order the classes were found, which differs from
   * run to run: runs of lines of the same kind (relations, components, listed types) are sorted.
   */
  static List<String> inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String kind = null;
    for (String line : lines) {
      String lineKind = line.strip().startsWith("Rel(") ? "rel" : line.strip().startsWith("Component(") ? "component"
          : line.startsWith("* `") ? "type" : null;
      if (lineKind == null || !lineKind.equals(kind)) {
        run.sort(null);
        out.addAll(run);
        run.clear();
      }
      if (lineKind == null) {
        out.add(line);
      } else {
        run.add(line);
      }
      kind = lineKind;
    }
    run.sort(null);
    out.addAll(run);
    return out;
  }
}
