package org.redress.engine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node asked to stop lets its running jobs finish. Camunda's Spring Boot starter runs jobs on a
 * {@link ThreadPoolTaskExecutor} ({@value #BEAN}) that by default interrupts them at shutdown (their
 * transactions roll back and another node retries them once their lock expires). With this, closing the
 * context first stops that pool from taking new jobs (the job executor's acquisition stops with the engine),
 * then waits up to {@value #AWAIT_SECONDS} seconds — longer than a letter job can take with the mail timeouts —
 * for the running ones. Together with {@code server.shutdown: graceful} for HTTP requests.
 */
@Component
class GracefulJobExecutor implements BeanPostProcessor {

  static final String BEAN = "camundaTaskExecutor";
  static final int AWAIT_SECONDS = 50;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (BEAN.equals(beanName) && bean instanceof ThreadPoolTaskExecutor executor) {
      executor.setWaitForTasksToCompleteOnShutdown(true);
      executor.setAwaitTerminationSeconds(AWAIT_SECONDS);
    }
    return bean;
  }
}
