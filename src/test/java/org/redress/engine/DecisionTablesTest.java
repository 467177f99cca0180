package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision table a process owner saves in processes/ parses with Camunda's DMN engine, has a
 * history time to live (the engine enforces it at deployment), and has a test class that names
 * its file (the row-by-row tests, e.g. assessment.InitialAssessmentDecisionTest).
 */
class DecisionTablesTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @TestFactory
  Stream<DynamicTest> everyDmnParsesHasATimeToLiveAndATest() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(ProcessModelTest.PROCESSES)) {
      files = list.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      assertThat(parse(file)).as(file + " decisions").isNotEmpty();
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      assertThat(model.getModelElementsByType(Decision.class)).allSatisfy(d ->
          assertThat(d.getCamundaHistoryTimeToLiveString()).as(file + " " + d.getId() + " historyTimeToLive").isNotBlank());
      assertThat(testsNaming(file.getFileName().toString())).as("a test under src/test/java naming " + file).isNotEmpty();
    }));
  }

  @Test
  void aBrokenTableIsRejectedWithTheElementNamed() {
    assertThatThrownBy(() -> parse(Path.of("src/test/resources/broken/broken-decision.dmn")))
        .hasMessageContaining("Rule_Broken");
  }

  static List<DmnDecision> parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return DMN.parseDecisions(in);
    }
  }

  static List<Path> testsNaming(String fileName) throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
      return sources.filter(p -> p.toString().endsWith("Test.java"))
          .filter(p -> !p.getFileName().toString().equals("DecisionTablesTest.java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains(fileName);
            } catch (IOException e) {
              return false;
            }
          }).toList();
    }
  }
}
