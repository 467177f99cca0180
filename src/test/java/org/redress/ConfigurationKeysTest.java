package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * One way to configure: every {@code redress.*} setting is bound by a {@code @ConfigurationProperties}
 * record, whose keys the configuration processor writes to spring-configuration-metadata.json at
 * compile time, and application.yaml holds the defaults. A key in a yaml file that no record binds (a
 * typo, or a setting nobody reads any more) fails here, and so does an {@code @Value("${redress.…}")}.
 */
class ConfigurationKeysTest {

  static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
  static final Path RESOURCES = Path.of("src/main/resources");
  static final Path SOURCES = Path.of("src/main/java");
  static final Pattern VALUE_OF_A_REDRESS_KEY = Pattern.compile("@Value\\(\\s*\"\\$\\{\\s*redress\\.");
  /** Settings whose absence means something (see their records' Javadoc), so application.yaml has none. */
  static final Set<String> WITHOUT_DEFAULT = Set.of("redress.admin.password", "redress.mailbox.host",
      "redress.mailbox.port", "redress.mailbox.username", "redress.mailbox.password", "redress.mailbox.address");

  @Test
  void noValueAnnotationReadsARedressSetting() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        found.addAll(valueAnnotations(file.toString(), Files.readString(file)));
      }
    }
    assertThat(found).as("bind redress.* settings with a @ConfigurationProperties record, defaults in "
        + "application.yaml").isEmpty();
  }

  @Test
  void theSourceCheckFindsAValueAnnotation_butNotOneForAnotherKey() {
    String source = """
        class Example {
          Example(@Value("${spring.jersey.application-path:/engine-rest}") String path,
              @Value( "${redress.public-url:http://localhost:8080}" ) String url) {}
        }
        """;
    assertThat(valueAnnotations("Example.java", source)).containsExactly("Example.java:3");
  }

  @Test
  void everyRedressKeyInTheYamlFiles_isBoundByASettingsRecord() throws IOException {
    Map<String, String> bound = boundKeys();
    assertThat(bound).as("the configuration processor wrote no redress.* keys to " + METADATA).isNotEmpty();
    try (Stream<Path> files = Files.list(RESOURCES)) {
      for (Path yaml : files.filter(p -> p.getFileName().toString().matches("application(-[\\w-]+)?\\.ya?ml")).toList()) {
        assertThat(unbound(redressKeys(yaml), bound)).as(yaml + ": redress.* keys that no @ConfigurationProperties "
            + "record binds (a typo? written in kebab-case, as in the record's metadata?)").isEmpty();
      }
    }
  }

  @Test
  void theYamlCheckRejectsAKeyNobodyBinds_andAcceptsMapEntriesAndListItems() throws IOException {
    Set<String> keys = Set.of("redress.handling-times.answer-perod", "redress.handling-times.answer-period",
        "redress.objectives.targets.within-target", "redress.assessment.safety-keywords[0]", "redress.nobody.reads-this");

    assertThat(unbound(keys, boundKeys()))
        .containsExactly("redress.handling-times.answer-perod", "redress.nobody.reads-this");
  }

  @Test
  void everyBoundKey_hasItsDefaultInApplicationYaml_unlessItsAbsenceMeansSomething() throws IOException {
    Set<String> defaults = new TreeSet<>();
    for (String key : redressKeys(RESOURCES.resolve("application.yaml"))) {
      defaults.add(key.replaceAll("\\[\\d+]", ""));
    }
    Map<String, String> bound = boundKeys();
    List<String> missing = new ArrayList<>();
    for (String key : bound.keySet()) {
      boolean inYaml = defaults.stream().anyMatch(d -> d.equals(key) || d.startsWith(key + "."));
      if (!inYaml && !WITHOUT_DEFAULT.contains(key)) {
        missing.add(key);
      }
    }
    assertThat(missing).as("bound keys without a default in application.yaml (add one, with a comment)").isEmpty();
    assertThat(bound.keySet()).as("keys meant to have no default").containsAll(WITHOUT_DEFAULT);
    assertThat(defaults).as("keys meant to have no default").doesNotContainAnyElementsOf(WITHOUT_DEFAULT);
  }

  static List<String> valueAnnotations(String file, String source) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (VALUE_OF_A_REDRESS_KEY.matcher(lines[i]).find()) {
        found.add(file + ":" + (i + 1));
      }
    }
    return found;
  }

  /** The redress.* properties in the configuration metadata: name → type. */
  static Map<String, String> boundKeys() throws IOException {
    assertThat(METADATA).as("written by spring-boot-configuration-processor when src/main/java is compiled").exists();
    JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
    Map<String, String> keys = new TreeMap<>();
    for (JsonNode property : metadata.path("properties")) {
      String name = property.path("name").asText();
      if (name.startsWith("redress.")) {
        keys.put(name, property.path("type").asText());
      }
    }
    return keys;
  }

  /** Keys that no bound property covers: not one itself, nor an entry of a map-valued one. */
  static List<String> unbound(Set<String> keys, Map<String, String> bound) {
    List<String> unbound = new ArrayList<>();
    for (String key : new TreeSet<>(keys)) {
      String name = key.replaceAll("\\[\\d+]", ""); // a list item belongs to the list
      boolean known = bound.containsKey(name) || bound.entrySet().stream().anyMatch(
          property -> property.getValue().startsWith("java.util.Map<") && name.startsWith(property.getKey() + "."));
      if (!known) {
        unbound.add(key);
      }
    }
    return unbound;
  }

  /** The redress.* keys a yaml file sets, in every one of its documents. */
  static Set<String> redressKeys(Path yaml) {
    try {
      Set<String> keys = new TreeSet<>();
      for (PropertySource<?> source : new YamlPropertySourceLoader().load(yaml.toString(), new FileSystemResource(yaml))) {
        for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
          if (name.startsWith("redress.")) {
            keys.add(name);
          }
        }
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
