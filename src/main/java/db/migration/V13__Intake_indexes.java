package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for the queries on the intake path (issue 13), a Java migration because one of them is an
 * expression index that PostgreSQL has and H2 does not:
 * <ul>
 *   <li>the initial assessment's recurrence count (complaint/ComplaintRepository.countEarlierComplaints)
 *       matches the product case-blind, {@code LOWER(product_or_service) = LOWER(:product)}, which the
 *       plain (product_or_service, received_at) index of V1 cannot serve: on PostgreSQL an index on
 *       (LOWER(product_or_service), received_at) lets the count combine it with the e-mail index (a
 *       bitmap OR) instead of reading every complaint of the last year. H2, the embedded development
 *       database, has no expression indexes and keeps reading the table;</li>
 *   <li>every submission with an Idempotency-Key first deletes the keys older than 24 hours
 *       (intake/IdempotentSubmissions.claim): an index on created_at finds them without reading the
 *       whole day's keys.</li>
 * </ul>
 */
public class V13__Intake_indexes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres = "PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName());
    try (Statement sql = context.getConnection().createStatement()) {
      sql.execute("CREATE INDEX ix_idempotent_submission_created ON idempotent_submission (created_at)");
      if (postgres) {
        sql.execute("CREATE INDEX ix_complaint_product_lower_received ON complaint (LOWER(product_or_service), received_at)");
      }
    }
  }
}
