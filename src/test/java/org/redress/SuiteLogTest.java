package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The log of the whole suite, H2 and PostgreSQL runs together, holds no ERROR entry for a value a
 * person entered and the rules refused (issue 15): a typo must not page an operator. It runs in its
 * own Surefire execution after the others (tag "suite-log"), reading what {@link SuiteLogRecorder}
 * kept. Real failures the tests provoke on purpose (mail server down, database gone) stay at ERROR
 * and are only counted here.
 */
@Tag("suite-log")
class SuiteLogTest {

  @Test
  void noRefusedFormValueIsLoggedAtError_inTheWholeSuite() throws IOException {
    String file = System.getProperty(SuiteLogRecorder.FILE_PROPERTY);
    assertThat(file).as("set by the pom for ./mvnw verify").isNotBlank();
    Path log = Path.of(file);
    assertThat(log).as("the suite's log; SuiteLogTest runs after the H2 and PostgreSQL tests of the same build")
        .exists();
    List<String> lines = Files.readAllLines(log);

    List<String> refusedAtInfo = of(lines, SuiteLogRecorder.Kind.REFUSAL_AT_INFO);
    List<String> refusedAtError = of(lines, SuiteLogRecorder.Kind.REFUSAL_AT_ERROR);
    System.out.printf("Suite log %s: %d refusals at INFO, %d at ERROR, %d other ERROR entries%n", log,
        refusedAtInfo.size(), refusedAtError.size(), of(lines, SuiteLogRecorder.Kind.OTHER_ERROR).size());

    assertThat(refusedAtInfo).as("the suite refuses form values (otherwise this test proves nothing)").isNotEmpty();
    assertThat(refusedAtError).as("refused form values logged at ERROR").isEmpty();
  }

  private static List<String> of(List<String> lines, SuiteLogRecorder.Kind kind) {
    return lines.stream().filter(line -> line.startsWith(kind.name() + "\t")).toList();
  }
}
