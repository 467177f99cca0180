package org.redress.classification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The code lists complaints are classified with (ISO 10002 8.2): category, root cause, product,
 * channel. Process owners extend them; an entry is never deleted, only deactivated, so complaints
 * filed under it keep a meaningful code.
 */
@Repository
public class CodeLists {

  public static final String CATEGORY = "category";
  public static final String ROOT_CAUSE = "root-cause";
  public static final String PRODUCT = "product";
  public static final String CHANNEL = "channel";
  public static final Set<String> LISTS = Set.of(CATEGORY, ROOT_CAUSE, PRODUCT, CHANNEL);

  public record Entry(String code, String label, boolean active, int sortOrder) {}

  private final JdbcClient jdbc;

  public CodeLists(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Entry> all(String list) {
    return jdbc.sql("SELECT code, label, active, sort_order FROM code_list_entry WHERE list_name = :list "
            + "ORDER BY sort_order, code")
        .param("list", list)
        .query((rs, i) -> new Entry(rs.getString("code"), rs.getString("label"), rs.getBoolean("active"),
            rs.getInt("sort_order")))
        .list();
  }

  public List<Entry> active(String list) {
    return all(list).stream().filter(Entry::active).toList();
  }

  public List<String> activeCodes(String list) {
    return active(list).stream().map(Entry::code).toList();
  }

  public Optional<Entry> find(String list, String code) {
    return all(list).stream().filter(e -> e.code().equals(code)).findFirst();
  }

  public String label(String list, String code) {
    return code == null ? null : find(list, code).map(Entry::label).orElse(code);
  }

  /** The active entries as form-js select options ({@code valuesKey}). */
  public List<Map<String, String>> options(String list) {
    return active(list).stream().map(e -> Map.of("label", e.label(), "value", e.code())).toList();
  }

  public void add(String list, Entry entry) {
    jdbc.sql("INSERT INTO code_list_entry (list_name, code, label, active, sort_order) "
            + "VALUES (:list, :code, :label, :active, :sortOrder)")
        .param("list", list).param("code", entry.code()).param("label", entry.label())
        .param("active", entry.active()).param("sortOrder", entry.sortOrder())
        .update();
  }

  public void update(String list, Entry entry) {
    jdbc.sql("UPDATE code_list_entry SET label = :label, active = :active, sort_order = :sortOrder "
            + "WHERE list_name = :list AND code = :code")
        .param("list", list).param("code", entry.code()).param("label", entry.label())
        .param("active", entry.active()).param("sortOrder", entry.sortOrder())
        .update();
  }
}
