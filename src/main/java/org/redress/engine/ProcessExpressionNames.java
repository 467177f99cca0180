package org.redress.engine;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Gives every bean whose class carries {@link ProcessExpressionName} that name as an alias, so that
 * a timer such as {@code ${retentionSettings.cycle}} finds the {@code @ConfigurationProperties}
 * record bound from {@code redress.retention}. Runs after configuration property scanning has
 * registered the records; a name that is already taken fails the start.
 */
@Component
class ProcessExpressionNames implements BeanDefinitionRegistryPostProcessor {

  private static final String REDRESS = "org.redress.";

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    for (String beanName : registry.getBeanDefinitionNames()) {
      BeanDefinition definition = registry.getBeanDefinition(beanName);
      String className = definition.getBeanClassName();
      if (className == null || !className.startsWith(REDRESS) || !ClassUtils.isPresent(className, loader)) {
        continue;
      }
      ProcessExpressionName name =
          AnnotationUtils.findAnnotation(ClassUtils.resolveClassName(className, loader), ProcessExpressionName.class);
      if (name == null || name.value().equals(beanName)) {
        continue;
      }
      if (registry.containsBeanDefinition(name.value()) || registry.isAlias(name.value())) {
        throw new IllegalStateException("@ProcessExpressionName(\"" + name.value() + "\") on " + className
            + ": that bean name is already taken");
      }
      registry.registerAlias(beanName, name.value());
    }
  }
}
