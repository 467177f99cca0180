package org.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redress.engine.Markdown;

/** The read-only context of the task forms: plain words, and complainants' text shown as text. */
class TaskContextTest {

  @Test
  void theComplainantsLanguageInWords() {
    assertThat(Words.language("en")).isEqualTo("English");
    assertThat(Words.language("de")).isEqualTo("German");
  }

  @Test
  void htmlAndMarkdownInComplaintTextAreShownAsText() {
    assertThat(Markdown.escape("<script>alert(1)</script> *bold* [link](x)"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x)");
  }
}
