package org.redress.complaint;

import java.util.Arrays;
import java.util.Optional;

/** How a complaint reached us (7.2). */
public enum Channel {
  WEB("web"),
  EMAIL("email"),
  PHONE("phone"),
  LETTER("letter"),
  IN_PERSON("in-person"),
  API("api");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Channel> fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
