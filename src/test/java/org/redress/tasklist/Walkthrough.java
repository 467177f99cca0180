package org.redress.tasklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The handlers' walkthrough as docs/handlers.md writes it: the numbered steps under "Take a complaint from
 * receipt to closure", each with the names it sets in bold (what a handler clicks or reads on screen).
 */
final class Walkthrough {

  static final String HEADING = "## Take a complaint from receipt to closure";
  /** The reference the guide uses as its example; on screen it is the complaint's own. */
  static final String EXAMPLE_REFERENCE = "C-2026-000001";

  private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\. (.*)$");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

  record Step(int number, String text) {
    /** The bold names, line breaks read as spaces. */
    List<String> bold() {
      List<String> names = new ArrayList<>();
      Matcher bold = BOLD.matcher(text);
      while (bold.find()) {
        names.add(bold.group(1).replaceAll("\\s+", " ").strip());
      }
      return names;
    }
  }

  static List<Step> read(Path guide) throws IOException {
    List<String> lines = Files.readAllLines(guide);
    int at = lines.indexOf(HEADING);
    if (at < 0) {
      throw new IllegalStateException(guide + " has no section '" + HEADING + "'");
    }
    List<Step> steps = new ArrayList<>();
    Integer number = null;
    StringBuilder text = new StringBuilder();
    for (String line : lines.subList(at + 1, lines.size())) {
      Matcher numbered = NUMBERED.matcher(line);
      if (numbered.matches()) {
        if (number != null) {
          steps.add(new Step(number, text.toString()));
        }
        number = Integer.parseInt(numbered.group(1));
        text.setLength(0);
        text.append(numbered.group(2));
      } else if (number != null && line.startsWith("   ")) {
        text.append(' ').append(line.strip());
      } else if (number != null) {
        break; // the list has ended
      }
    }
    if (number != null) {
      steps.add(new Step(number, text.toString()));
    }
    return steps;
  }

  private Walkthrough() {}
}
