package org.redress.assessment;

import java.util.List;

/** Severity levels used by the DMN table, the forms and the gateways. */
public final class Severity {

  public static final String LOW = "low";
  public static final String MEDIUM = "medium";
  public static final String HIGH = "high";
  public static final String CRITICAL = "critical";
  public static final List<String> ALL = List.of(LOW, MEDIUM, HIGH, CRITICAL);

  private Severity() {}

  /** "high" → "High"; what is no severity stays as it is. */
  public static String label(String severity) {
    return severity != null && ALL.contains(severity)
        ? Character.toUpperCase(severity.charAt(0)) + severity.substring(1) : severity;
  }
}
