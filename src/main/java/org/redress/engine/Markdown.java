package org.redress.engine;

/**
 * Text from complainants and staff, made safe to show inside a Camunda Form text view: HTML is
 * escaped (form-js would otherwise sanitise tags away, losing text) and Markdown is neutralised.
 */
public final class Markdown {

  private Markdown() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '{', '}' -> out.append('\\').append(c);
        case '\r' -> { }
        case '\n' -> out.append("  \n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
