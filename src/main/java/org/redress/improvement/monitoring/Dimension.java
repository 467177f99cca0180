package org.redress.improvement.monitoring;

/**
 * What KPIs are filtered and grouped by: a complaint_status column each. The order is the order in
 * which the daily summary's facets name them ("category+channel", never "channel+category").
 */
enum Dimension {
  CATEGORY("category", "s.category"),
  PRODUCT("product", "s.product"),
  CHANNEL("channel", "s.channel"),
  TEAM("team", "s.team"),
  SEVERITY("severity", "s.severity"),
  PRIORITY("priority", "s.assessed_priority");

  private final String key;
  private final String column;

  Dimension(String key, String column) {
    this.key = key;
    this.column = column;
  }

  /** The name used in facets and in kpi_facet.dim1/dim2. */
  String key() {
    return key;
  }

  /** The complaint_status column, aliased s. */
  String column() {
    return column;
  }
}
