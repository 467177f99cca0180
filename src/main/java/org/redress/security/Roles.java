package org.redress.security;

import java.util.List;

/** The groups of ISO 10002 5.4 roles, as Camunda identity-service group ids. */
public final class Roles {

  public static final String HANDLERS = "handlers";
  public static final String SUPERVISORS = "supervisors";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String AUDITORS = "auditors";
  public static final String MANAGEMENT = "management";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public static final List<String> ALL = List.of(HANDLERS, SUPERVISORS, PROCESS_OWNERS, AUDITORS, MANAGEMENT,
      CAMUNDA_ADMIN);

  /** How a refusal names the group: "process owners", "administrators". */
  public static String label(String group) {
    return switch (group) {
      case PROCESS_OWNERS -> "process owners";
      case CAMUNDA_ADMIN -> "administrators";
      default -> group;
    };
  }

  private Roles() {}
}
