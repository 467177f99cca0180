package org.redress.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts so a newcomer can log straight in (password = user name). Only in the "demo"
 * profile, which is the default for {@code ./mvnw spring-boot:run}; never in production.
 * Created idempotently in Camunda's identity service.
 */
@Component
@Profile("demo")
@Order(2)
class DemoAccounts implements ApplicationRunner {

  record Account(String id, String firstName, String lastName, List<String> groups) {}

  static final List<Account> ACCOUNTS = List.of(
      new Account("admin", "Ada", "Admin", List.of(Roles.CAMUNDA_ADMIN)),
      new Account("handler", "Hana", "Handler", List.of(Roles.HANDLERS)),
      new Account("handler2", "Hugo", "Handler", List.of(Roles.HANDLERS)),
      new Account("supervisor", "Sam", "Supervisor", List.of(Roles.SUPERVISORS, Roles.HANDLERS)),
      new Account("supervisor2", "Sofia", "Supervisor", List.of(Roles.SUPERVISORS, Roles.HANDLERS)),
      new Account("owner", "Otto", "Owner", List.of(Roles.PROCESS_OWNERS)),
      new Account("auditor", "Aud", "Itor", List.of(Roles.AUDITORS)),
      new Account("manager", "Mia", "Manager", List.of(Roles.MANAGEMENT)));

  private final IdentityService identity;

  public DemoAccounts(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    RoleAuthorizations.ensureGroups(identity);
    for (Account account : ACCOUNTS) {
      if (identity.createUserQuery().userId(account.id()).count() == 0) {
        User user = identity.newUser(account.id());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setEmail(account.id() + "@redress.example");
        user.setPassword(account.id());
        identity.saveUser(user);
      }
      for (String groupId : account.groups()) {
        if (identity.createUserQuery().userId(account.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(account.id(), groupId);
        }
      }
    }
  }
}
