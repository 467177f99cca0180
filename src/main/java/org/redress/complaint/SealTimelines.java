package org.redress.complaint;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the timelines written before the hash chain existed (Flyway V6 added the columns), once, at
 * start-up: idempotent, one transaction per complaint, under the same lock as new events. A
 * complaint that gets a new event before this runs is sealed by {@link Timeline#record} itself.
 */
@Component
@Order(10)
public class SealTimelines implements ApplicationRunner {

  private final JdbcClient jdbc;
  private final Timeline timeline;
  private final TimelineChain chain;
  private final TransactionTemplate transaction;

  public SealTimelines(JdbcClient jdbc, Timeline timeline, TimelineChain chain, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.chain = chain;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    sealAll();
  }

  /** @return how many complaints had unsealed events */
  public int sealAll() {
    List<String> references = jdbc.sql("SELECT DISTINCT reference FROM complaint_event WHERE hash IS NULL")
        .query(String.class).list();
    for (String reference : references) {
      transaction.executeWithoutResult(status -> chain.lockHead(reference, () -> timeline.of(reference)));
    }
    return references.size();
  }
}
