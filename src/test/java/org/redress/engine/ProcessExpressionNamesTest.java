package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.redress.auditing.AuditSamplingSettings;
import org.redress.improvement.action.CorrectiveActionSettings;
import org.redress.improvement.review.ManagementReviewSettings;
import org.redress.improvement.trends.TrendSettings;
import org.redress.privacy.RetentionSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContext;

/**
 * The settings records that timers read ({@code ${trendSettings.cycle}} and the like) are found under
 * those names, although configuration property scanning names them "prefix-class name".
 */
@RedressTest
class ProcessExpressionNamesTest {

  @Autowired ApplicationContext context;

  @Test
  void theSettingsThatProcessesRead_areBeansUnderTheNamesTheExpressionsUse() {
    Map<String, Class<?>> expected = Map.of("auditSamplingSettings", AuditSamplingSettings.class,
        "correctiveActionSettings", CorrectiveActionSettings.class,
        "managementReviewSettings", ManagementReviewSettings.class,
        "retentionSettings", RetentionSettings.class,
        "trendSettings", TrendSettings.class);
    expected.forEach((name, type) -> assertThat(context.getBean(name)).as(name).isSameAs(context.getBean(type)));
    assertThat(context.getBean(TrendSettings.class).getCycle())
        .isEqualTo(context.getEnvironment().getProperty("redress.improvement.trend-detection.cycle"));
  }

  @Test
  void aNamedRecordGetsTheNameAsAlias() {
    DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
    registry.registerBeanDefinition("example-" + Named.class.getName(), new RootBeanDefinition(Named.class));

    new ProcessExpressionNames().postProcessBeanDefinitionRegistry(registry);

    assertThat(registry.getBean("namedForProcesses")).isInstanceOf(Named.class);
  }

  @Test
  void aNameThatIsAlreadyTaken_failsTheStart() {
    DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
    registry.registerBeanDefinition("example-" + Named.class.getName(), new RootBeanDefinition(Named.class));
    registry.registerBeanDefinition("namedForProcesses", new RootBeanDefinition(String.class));

    assertThatThrownBy(() -> new ProcessExpressionNames().postProcessBeanDefinitionRegistry(registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@ProcessExpressionName(\"namedForProcesses\")")
        .hasMessageContaining("already taken");
  }

  @ProcessExpressionName("namedForProcesses")
  static class Named {}
}
