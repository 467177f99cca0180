package org.redress.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.redress.RedressTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** No default passwords in production: no REDRESS_ADMIN_PASSWORD, no start; with it, an admin. */
@RedressTest
class ProductionAdminTest {

  @Autowired IdentityService identity;

  final ApplicationContextRunner production = new ApplicationContextRunner()
      .withBean(IdentityService.class, () -> mock(IdentityService.class))
      .withUserConfiguration(ProductionAdmin.class);

  @Test
  void withoutAdminPassword_theApplicationRefusesToStart_andSaysWhy() {
    production.withPropertyValues("spring.profiles.active=postgres").run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      ProductionAdmin.MissingAdminPasswordException cause = rootOf(failure);
      assertThat(cause.getMessage()).contains("no administrator password", "REDRESS_ADMIN_PASSWORD");
      FailureAnalysis analysis = new MissingAdminPasswordFailureAnalyzer().analyze(failure);
      assertThat(analysis.getAction()).contains("REDRESS_ADMIN_PASSWORD");
    });
    production.withPropertyValues("spring.profiles.active=postgres", "redress.admin.password=short")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void withAdminPassword_itStarts_andTheDemoProfileNeedsNone() {
    production.withPropertyValues("spring.profiles.active=postgres", "redress.admin.password=long enough secret")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ProductionAdmin.class));
    production.withPropertyValues("spring.profiles.active=demo")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionAdmin.class));
  }

  @Test
  void theAdminIsCreatedInCamundaAdmin_andTheNextStartRotatesThePassword() {
    new ProductionAdmin(identity, new AdminSettings("opsadmin", "first long password")).run(null);
    assertThat(identity.checkPassword("opsadmin", "first long password")).isTrue();
    assertThat(identity.createUserQuery().userId("opsadmin").memberOfGroup(Roles.CAMUNDA_ADMIN).count()).isEqualTo(1);

    new ProductionAdmin(identity, new AdminSettings("opsadmin", "second long password")).run(null);
    assertThat(identity.checkPassword("opsadmin", "second long password")).isTrue();
    assertThat(identity.createUserQuery().userId("opsadmin").memberOfGroup(Roles.CAMUNDA_ADMIN).count()).isEqualTo(1);
    identity.deleteUser("opsadmin");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rootOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProductionAdmin.MissingAdminPasswordException) {
        return (T) t;
      }
    }
    throw new AssertionError("no MissingAdminPasswordException in " + failure);
  }
}
