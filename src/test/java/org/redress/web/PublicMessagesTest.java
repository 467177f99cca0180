package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.complaint.EventType;
import org.redress.complaint.ComplaintStatus;
import org.redress.notification.ComplainantMessage;

/**
 * The public pages in English and German: both bundles have exactly the same keys, every key a
 * public template names exists, and every status, letter and complainant-visible event has its words.
 */
class PublicMessagesTest {

  static final Path EN = Path.of("src/main/resources/messages/public.properties");
  static final Path DE = Path.of("src/main/resources/messages/public_de.properties");

  @Test
  void bothBundlesHaveTheSameKeys_andNoEmptyText() throws IOException {
    Properties en = load(EN);
    Properties de = load(DE);
    assertThat(new TreeSet<>(de.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    assertThat(en.stringPropertyNames()).allSatisfy(key -> {
      assertThat(en.getProperty(key)).as(key).isNotBlank();
      assertThat(de.getProperty(key)).as(key).isNotBlank();
    });
  }

  @Test
  void everyKeyThePublicTemplatesName_isInTheBundle() throws IOException {
    Set<String> keys = load(EN).stringPropertyNames();
    Set<String> named = new TreeSet<>();
    Pattern message = Pattern.compile("#\\{([a-zA-Z.]+)[}(]");
    try (Stream<Path> files = Stream.concat(Stream.of(Path.of("src/main/resources/templates/layout.html"),
        Path.of("src/main/resources/templates/how-to-complain.html"), Path.of("src/main/resources/templates/error.html")),
        Files.list(Path.of("src/main/resources/templates/complaints")))) {
      for (Path file : files.toList()) {
        Matcher m = message.matcher(Files.readString(file));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    assertThat(named).hasSizeGreaterThan(100);
    assertThat(keys).containsAll(named);
    for (ComplaintStatus status : ComplaintStatus.values()) {
      assertThat(keys).contains("stage." + status.name(), "statusCode." + status.name());
    }
    for (ComplainantMessage letter : ComplainantMessage.values()) {
      assertThat(keys).contains("letter." + letter.name());
    }
    for (EventType type : EventType.values()) {
      if (type.visibleToComplainant() && type != EventType.MESSAGE_SENT) {
        assertThat(keys).as("public words for " + type).contains("event." + type.name());
      }
    }
  }

  static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStreamReader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
