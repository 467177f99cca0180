package org.redress.complaint;

import java.util.Arrays;
import java.util.Optional;

/** How a complaint reached us (7.2). */
public enum Channel {
  WEB("web", "Web form"),
  EMAIL("email", "E-mail"),
  PHONE("phone", "Phone"),
  LETTER("letter", "Letter"),
  IN_PERSON("in-person", "In person"),
  API("api", "API");

  private final String code;
  private final String label;

  Channel(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The channel in words, for staff screens. */
  public String label() {
    return label;
  }

  /** The label of a channel code, or the code itself when it is no channel. */
  public static String labelOf(String code) {
    return fromCode(code).map(Channel::label).orElse(code);
  }

  public String code() {
    return code;
  }

  public static Optional<Channel> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
