package org.redress.security;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff a complaint names (4.7): stored at receipt, read by {@link ObjectivityRule}. */
@Repository
public class NamedStaff {

  private final JdbcClient jdbc;

  public NamedStaff(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String reference, List<String> userIds) {
    for (String userId : userIds) {
      jdbc.sql("INSERT INTO complaint_named_staff (reference, user_id) VALUES (:reference, :userId)")
          .param("reference", reference)
          .param("userId", userId)
          .update();
    }
  }

  public List<String> of(String reference) {
    return jdbc.sql("SELECT user_id FROM complaint_named_staff WHERE reference = :reference ORDER BY user_id")
        .param("reference", reference)
        .query(String.class)
        .list();
  }

  public boolean isNamed(String reference, String userId) {
    return userId != null && jdbc.sql(
            "SELECT COUNT(*) FROM complaint_named_staff WHERE reference = :reference AND user_id = :userId")
        .param("reference", reference)
        .param("userId", userId)
        .query(Long.class)
        .single() > 0;
  }
}
