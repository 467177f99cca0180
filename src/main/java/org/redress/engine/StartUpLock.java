package org.redress.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The start-up work of Redress — {@link ProcessAndFormDeployment}, the seeded groups, grants, accounts and
 * Tasklist filters, {@link org.redress.engine.SharedSettings the shared settings check}, the timeline sealing
 * — runs as ApplicationRunners between {@link Take} (first) and {@link Release} (last), holding
 * {@link ClusterLock.Name#START_UP}: N nodes started at the same moment on one PostgreSQL do that work one
 * after the other, each finding what the previous one seeded, instead of racing into duplicate keys. The
 * lock is taken in this one place; the runners themselves stay simple "create when missing" steps. If a
 * runner fails, the context closes and {@link Take#destroy()} releases the lock.
 */
@Configuration(proxyBeanMethods = false)
class StartUpLock {

  private static final Logger LOG = LoggerFactory.getLogger(StartUpLock.class);

  @Bean
  Take startUpLockTake(ClusterLock locks) {
    return new Take(locks);
  }

  @Bean
  Release startUpLockRelease(Take take) {
    return new Release(take);
  }

  @Order(Ordered.HIGHEST_PRECEDENCE)
  static final class Take implements ApplicationRunner, DisposableBean {
    private final ClusterLock locks;
    private ClusterLock.Held held;

    Take(ClusterLock locks) {
      this.locks = locks;
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
      long started = System.nanoTime();
      held = locks.acquire(ClusterLock.Name.START_UP);
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (waited > 100) {
        LOG.info("Waited {} ms for another node to finish its start-up work", waited);
      }
    }

    synchronized void release() {
      if (held != null) {
        held.close();
        held = null;
      }
    }

    @Override
    public void destroy() {
      release();
    }
  }

  @Order(Ordered.LOWEST_PRECEDENCE)
  static final class Release implements ApplicationRunner {
    private final Take take;

    Release(Take take) {
      this.take = take;
    }

    @Override
    public void run(ApplicationArguments args) {
      take.release();
    }
  }
}
