package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.complaint.IsoClause;

/**
 * Every ISO 10002 clause number a person is shown exists, under the same name, in the table "Clause
 * numbers and names" of docs/iso-10002-map.md: the names in {@link IsoClause} (which the stages, the
 * self-assessment and the plugin take them from), and every clause number written in a string, a
 * template or a script that people read. A "closure (7.10)" — ISO 10002:2018 has no 7.10 — fails here.
 */
class ClauseNumbersTest {

  static final Path MAP = Path.of("docs", "iso-10002-map.md");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*([4-8]\\.\\d{1,2})\\s*\\|\\s*([^|]+?)\\s*\\|\\s*$");
  /** A clause number: not part of a longer number such as a version "4.5.1" or "1.4.2". */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])([4-8]\\.\\d{1,2})(?![\\d.]*\\d)");
  private static final Pattern JAVA_STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  static Map<String, String> clauseTable() throws IOException {
    Map<String, String> table = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(MAP)) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Clause numbers and names");
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (inSection && row.matches()) {
        table.put(row.group(1), row.group(2));
      }
    }
    return table;
  }

  @Test
  void everyClauseTheCodeNames_isInTheMap_underTheSameName() throws IOException {
    Map<String, String> table = clauseTable();
    assertThat(table).as("the table in " + MAP).isNotEmpty();
    for (IsoClause clause : IsoClause.values()) {
      assertThat(table).as(clause.name()).containsEntry(clause.number(), clause.title());
    }
  }

  @Test
  void everyClauseNumberInWhatPeopleRead_isInTheMap() throws IOException {
    Map<String, String> table = clauseTable();
    List<String> unknown = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String root : List.of("src/main/java", "src/main/resources/templates", "src/main/resources/static/js",
        "src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/redress", "forms")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(java|html|js|form|txt)$"))
            .forEach(files::add);
      }
    }
    assertThat(files).isNotEmpty();
    int numbers = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      // in Java, only what reaches a person: string literals, not comments
      List<String> shown = file.toString().endsWith(".java") ? literals(text) : List.of(withoutComments(text));
      for (String part : shown) {
        Matcher number = NUMBER.matcher(part);
        while (number.find()) {
          if (!isClause(part, number)) {
            continue;
          }
          numbers++;
          if (!table.containsKey(number.group(1))) {
            unknown.add(file + ": " + number.group(1) + " in \"" + abbreviated(part) + "\"");
          }
        }
      }
    }
    assertThat(numbers).as("clause numbers found (the scan is not vacuous)").isPositive();
    assertThat(unknown).as("clause numbers that docs/iso-10002-map.md does not name").isEmpty();
  }

  /** A number counts as a clause where the text around it speaks of ISO 10002 or writes "(7.9)". */
  private static boolean isClause(String text, Matcher number) {
    int from = Math.max(0, number.start() - 60);
    String before = text.substring(from, number.start());
    return before.contains("ISO") || before.matches("(?s).*\\(\\s*$") || before.matches("(?s).*[4-8]\\.\\d{1,2}[,\\s–-]+(and\\s+)?$")
        || text.matches("(?s)\\s*[4-8]\\.\\d{1,2}\\s*");
  }

  private static List<String> literals(String java) {
    List<String> literals = new ArrayList<>();
    Matcher literal = JAVA_STRING.matcher(withoutComments(java));
    while (literal.find()) {
      literals.add(literal.group());
    }
    return literals;
  }

  private static String withoutComments(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?s)<!--.*?-->", "");
  }

  private static String abbreviated(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 100 ? line.substring(0, 100) + "…" : line;
  }
}
