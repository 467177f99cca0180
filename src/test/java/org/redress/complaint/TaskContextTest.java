package org.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.engine.Markdown;

/** The read-only context of the task forms: plain words, and complainants' text shown as text. */
class TaskContextTest {

  @Test
  void durationsInPlainWords() {
    assertThat(TaskContext.plainDuration("P15D")).isEqualTo("15 days");
    assertThat(TaskContext.plainDuration("P1D")).isEqualTo("1 day");
    assertThat(TaskContext.plainDuration("PT4H")).isEqualTo("4 hours");
    assertThat(TaskContext.plainDuration("P1M")).isEqualTo("P1M");
  }

  @Test
  void htmlAndMarkdownInComplaintTextAreShownAsText() {
    assertThat(Markdown.escape("<script>alert(1)</script> *bold* [link](x)"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x)");
  }
}
