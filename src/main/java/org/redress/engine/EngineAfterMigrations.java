package org.redress.engine;

import java.util.Set;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine is built only after Flyway has migrated the database: Flyway creates Camunda's schema
 * (db/migration/V21__Camunda_schema) and the engine, with {@code schema-update: false}, only checks it.
 * Registered in META-INF/spring.factories, as Spring Boot does for JPA and jOOQ.
 */
public class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class);
  }
}
