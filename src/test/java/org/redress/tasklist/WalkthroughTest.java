package org.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the browser test reads the handlers' walkthrough from docs/handlers.md. */
class WalkthroughTest {

  @Test
  void theNumberedSteps_withTheirBoldNames_evenAcrossLineBreaks_andNothingAfterTheList(@TempDir Path dir)
      throws IOException {
    Path guide = dir.resolve("handlers.md");
    Files.writeString(guide, """
        ## Before
        1. Not this **Other** list.

        ## Take a complaint from receipt to closure

        1. Log in as `handler`.
        2. Click **Start process**. The **Register
           complaint** form opens; click **Start**.
        3. Select **My tasks**.

        Then **Not a step**.
        """);

    var steps = Walkthrough.read(guide);

    assertThat(steps).extracting(Walkthrough.Step::number).containsExactly(1, 2, 3);
    assertThat(steps.get(0).bold()).isEmpty();
    assertThat(steps.get(1).bold()).containsExactly("Start process", "Register complaint", "Start");
    assertThat(steps.get(2).bold()).containsExactly("My tasks");
  }

  @Test
  void theGuide_hasSevenStepsThatNameWhatTheHandlerClicks() throws IOException {
    var steps = Walkthrough.read(Path.of("docs", "handlers.md"));

    assertThat(steps).hasSize(7);
    assertThat(steps.get(1).bold()).startsWith("Start process", "Complaint handling (ISO 10002)");
  }
}
