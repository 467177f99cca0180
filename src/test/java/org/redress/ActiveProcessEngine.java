package org.redress;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The test suite runs two Spring contexts in one JVM (H2: {@link RedressTest}, PostgreSQL:
 * {@link RedressPostgresTest}), and both engines are called "default". /engine-rest and the webapps
 * (Tasklist) look the engine up by that name in Camunda's static {@link ProcessEngines} registry,
 * where the engine that started last wins. Without this listener, every H2 test that goes through
 * REST or Tasklist after the PostgreSQL context has started talks to the PostgreSQL engine (the
 * Tasklist browser test then finds no task). Before each test method, this makes the engine of the
 * test's own context the registered "default". Registered in META-INF/spring.factories.
 */
public class ActiveProcessEngine implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }
}
