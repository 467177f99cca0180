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
    sortDiagramLines(Path.of(target));
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
   * Spring Modulith writes a diagram's components and relations in an order that depends on what ran
   * before in the same JVM (a full build and -Dtest=ModularityTest differ); sorted, each run of
   * Component(…) or Rel(…) lines is the same from any run. The order means nothing to PlantUML.
   */
  static void sortDiagramLines(Path folder) throws IOException {
    List<Path> diagrams;
    try (Stream<Path> files = Files.list(folder)) {
      diagrams = files.filter(file -> file.toString().endsWith(".puml")).toList();
    }
    for (Path diagram : diagrams) {
      List<String> lines = new ArrayList<>(List.of(Files.readString(diagram).split("\n", -1)));
      for (int start = 0; start < lines.size(); ) {
        String kind = sortable(lines.get(start));
        int end = start + 1;
        while (kind != null && end < lines.size() && kind.equals(sortable(lines.get(end)))) {
          end++;
        }
        if (kind != null) {
          lines.subList(start, end).sort(null);
        }
        start = end;
      }
      Files.writeString(diagram, String.join("\n", lines));
    }
  }

  private static String sortable(String line) {
    for (String kind : new String[] {"Rel(", "  Component("}) {
      if (line.startsWith(kind)) {
        return kind;
      }
    }
    return null;
  }
}
