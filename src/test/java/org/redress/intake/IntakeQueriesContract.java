package org.redress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.complaint.Channel;
import org.redress.complaint.Complaint;
import org.redress.complaint.ComplaintRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queries on the intake path and their indexes (Flyway V13): the initial assessment's recurrence
 * count and the Idempotency-Key clean-up. Run on H2 and on PostgreSQL by the subclasses; each test
 * rolls back what it wrote, so the shared database keeps no test complaints.
 */
abstract class IntakeQueriesContract {

  static final OffsetDateTime NOW = OffsetDateTime.of(2020, 6, 15, 12, 0, 0, 0, ZoneOffset.UTC);

  @Autowired ComplaintRepository complaints;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired HeldAttachments held;

  /** Is this PostgreSQL (else H2)? */
  abstract boolean postgres();

  @Test
  void recurrenceCount_sameEmailOrSameProductInAnyCase_withinTheWindow_notItself() {
    String email = "count-" + UUID.randomUUID() + "@example.org";
    String product = "Fibre " + UUID.randomUUID();
    inRolledBackTransaction(() -> {
      complaints.insert(complaint(email, "Something else " + UUID.randomUUID(), NOW.minusDays(10))); // same e-mail
      complaints.insert(complaint("other-" + UUID.randomUUID() + "@example.org", product.toUpperCase(), NOW.minusDays(20))); // same product, other case
      complaints.insert(complaint(null, product.toLowerCase(), NOW.minusDays(30))); // same product, no e-mail
      complaints.insert(complaint(email, product, NOW.minusDays(400))); // before the window
      complaints.insert(complaint(email, product, NOW.plusDays(1))); // after this complaint
      complaints.insert(complaint("other-" + UUID.randomUUID() + "@example.org", "Unrelated " + UUID.randomUUID(), NOW.minusDays(5)));
      Complaint current = complaint(email, product, NOW);
      complaints.insert(current);

      assertThat(complaints.countEarlierComplaints(current, NOW.minusDays(365))).isEqualTo(3);
      Complaint anonymous = complaint(null, product, NOW);
      complaints.insert(anonymous);
      assertThat(complaints.countEarlierComplaints(anonymous, NOW.minusDays(365)))
          .as("without an e-mail only the product counts (and the current complaint of the same product)")
          .isEqualTo(3);
    });
  }

  @Test
  void theIntakeIndexesExist() {
    assertThat(indexes("idempotent_submission")).contains("ix_idempotent_submission_created");
    if (postgres()) {
      assertThat(indexes("complaint")).contains("ix_complaint_product_lower_received");
    }
  }

  /**
   * The engine's fetch of an execution's variables ({@code EXECUTION_ID_ = ? AND TASK_ID_ IS NULL}, on every
   * step) has an index on both columns (engine/EngineIndexes), so it never reads every process variable.
   */
  @Test
  void theExecutionVariablesFetch_hasItsIndex() {
    assertThat(indexes("act_ru_variable")).contains("redress_idx_var_exe_no_task");
    if (postgres()) {
      assertThat(jdbc.sql("SELECT pg_get_indexdef('redress_idx_var_exe_no_task'::regclass)").query(String.class)
          .single()).contains("(execution_id_, task_id_)");
    }
  }

  /** On PostgreSQL the index is on the very expression the recurrence count compares (V13). */
  @Test
  void productIndex_isOnTheCountsExpression_onPostgres() {
    if (!postgres()) {
      return;
    }
    assertThat(jdbc.sql("SELECT pg_get_indexdef('ix_complaint_product_lower_received'::regclass)").query(String.class)
        .single()).contains("lower((product_or_service)::text), received_at");
  }

  /** Files held across a refused web form (Flyway V19): per form key, offered again, dropped when unticked or sent. */
  @Test
  void heldAttachments_arePerFormKey_offeredAgain_droppedWhenUnticked_andReleasedOnceSent() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
    String key = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    inRolledBackTransaction(() -> {
      HeldAttachments.Result first = held.hold(key, List.of(), List.of(new Attachment("../photo.png", png),
          new Attachment("notes.txt", "plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8))), List.of());
      assertThat(first.held()).extracting(HeldAttachments.Held::fileName).containsExactly("photo.png");
      assertThat(first.chooseAgain()).as("a file that fails its own check is named, not held").containsExactly("notes.txt");
      long id = first.held().get(0).id();
      assertThat(held.kept(key, List.of(id))).singleElement().satisfies(file -> assertThat(file.content()).isEqualTo(png));
      assertThat(held.held("another-form")).isEmpty();

      HeldAttachments.Result second = held.hold(key, List.of(id), List.of(new Attachment("scan.png", png)), List.of());
      assertThat(second.held()).extracting(HeldAttachments.Held::fileName).containsExactly("photo.png", "scan.png");
      assertThat(held.hold(key, List.of(second.held().get(1).id()), List.of(), List.of()).held())
          .as("unticked: left out").extracting(HeldAttachments.Held::fileName).containsExactly("scan.png");
      held.release(key);
      assertThat(held.held(key)).isEmpty();
    });
  }

  private List<String> indexes(String table) {
    return postgres()
        ? jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = :t").param("t", table).query(String.class).list()
        : jdbc.sql("SELECT LOWER(INDEX_NAME) FROM INFORMATION_SCHEMA.INDEXES WHERE LOWER(TABLE_NAME) = :t")
            .param("t", table).query(String.class).list();
  }

  private void inRolledBackTransaction(Runnable work) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      status.setRollbackOnly();
      work.run();
    });
  }

  private static Complaint complaint(String email, String product, OffsetDateTime receivedAt) {
    String reference = "T-" + UUID.randomUUID().toString().substring(0, 12);
    return new Complaint(reference, Channel.API, "Test complainant", null, email, email == null ? "+49 30 1234567" : null,
        null, email == null ? "phone" : "email", "en", null, product, null, null, "A complaint about the count.",
        null, null, false, false, null, receivedAt, "test");
  }
}
