package org.redress.improvement.action;

import java.util.List;
import java.util.Map;
import org.redress.classification.CodeLists;

/**
 * What a corrective action addresses: complaints of one category, product or root cause (8.2), and
 * the complaint_status column that holds it.
 */
public record Cause(String kind, String code) {

  public static final List<String> KINDS = List.of(CodeLists.CATEGORY, CodeLists.PRODUCT, CodeLists.ROOT_CAUSE);
  private static final Map<String, String> COLUMNS = Map.of(
      CodeLists.CATEGORY, "category", CodeLists.PRODUCT, "product", CodeLists.ROOT_CAUSE, "root_cause");

  public Cause {
    if (!COLUMNS.containsKey(kind)) {
      throw new IllegalArgumentException("Unknown cause kind " + kind);
    }
  }

  /** A fixed column name, never user input, so it may go into SQL text. */
  public static String column(String kind) {
    return COLUMNS.get(kind);
  }

  /** The value of the unique {@code open_cause} column while an action for this cause is open. */
  public String key() {
    return kind + ":" + code;
  }

  @Override
  public String toString() {
    return kind + " " + code;
  }
}
