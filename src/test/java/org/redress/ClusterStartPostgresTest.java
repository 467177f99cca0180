package org.redress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.redress.engine.SharedSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two nodes of Redress on one fresh PostgreSQL database, started at the same moment (two application
 * contexts in this JVM, with engines named node1 and node2 because Camunda registers engines JVM-wide by
 * name): both come up, the processes and forms are deployed once, every seeded group, grant, filter and
 * account exists once, a timer both job executors could fire is fired once, a third node with other
 * shared settings refuses to start, a node lets its running jobs finish when stopped, and while the database
 * is away the API answers 503 with Retry-After (the pages a friendly 503) and takes complaints again, without
 * a restart, once it is back.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStartPostgresTest {

  static final String DATABASE = FreshPostgresDatabase.DATABASE + "_cluster";
  static final int TIMERS = 40;
  static final TimerProbe PROBE = new TimerProbe();

  private final List<ConfigurableApplicationContext> nodes = new CopyOnWriteArrayList<>();
  private JdbcClient jdbc;

  @BeforeAll
  void startTwoNodesAtOnce() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService starters = Executors.newFixedThreadPool(2);
    // Two Spring Boot applications in one JVM would both reset logback at the same moment (a race inside
    // logback, ConcurrentModificationException); separate JVMs have no such race. The nodes log through the
    // configuration the test JVM already has.
    System.setProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY,
        org.springframework.boot.logging.LoggingSystem.NONE);
    try {
      List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
      for (String node : List.of("node1", "node2")) {
        started.add(starters.submit(() -> {
          together.await();
          return start(node, Map.of());
        }));
      }
      for (Future<ConfigurableApplicationContext> node : started) {
        nodes.add(node.get(5, TimeUnit.MINUTES)); // a failed start throws here
      }
    } finally {
      starters.shutdownNow();
      System.clearProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY);
    }
    jdbc = nodes.get(0).getBean(JdbcClient.class);
  }

  static ConfigurableApplicationContext start(String node, Map<String, Object> extra) {
    Map<String, Object> properties = new java.util.HashMap<>(Map.of(
        "spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
        "server.port", "0",
        "camunda.bpm.process-engine-name", node,
        "camunda.bpm.job-execution.enabled", "true",
        "camunda.bpm.job-execution.wait-time-in-millis", "200",
        "camunda.bpm.job-execution.max-wait", "1000",
        "redress.kpi-summary.catch-up-every", "PT1S",
        "spring.datasource.hikari.connection-timeout", "2000"));
    // round the clock, so that the timers below fire in seconds whatever the day (durations count working time)
    properties.put("redress.business-calendar.working-week", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
    properties.put("redress.business-calendar.hours", "00:00-24:00");
    properties.putAll(extra);
    // as command-line arguments, so they win over the profiles' files
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(RedressApplication.class)
        .profiles("demo", "postgres", "pgtest")
        .initializers(context -> context.getBeanFactory().registerSingleton("clusterTimerProbe", PROBE))
        .run(args);
  }

  @AfterAll
  void stop() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void processesAndFormsAreDeployedOnce() {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = 'redress'").query(Long.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("SELECT MAX(VERSION_) FROM ACT_RE_PROCDEF WHERE KEY_ = 'complaint-handling'")
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void seededRowsExistOnce() {
    assertThat(jdbc.sql("""
        SELECT GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IS NOT NULL
        GROUP BY GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1""").query().listOfRows()).isEmpty();
    assertThat(jdbc.sql("SELECT NAME_ FROM ACT_RU_FILTER").query(String.class).list())
        .containsExactlyInAnyOrder("My tasks", "My groups' tasks", "Overdue", "High priority", "Management reviews",
            "Corrective actions", "Audit samples");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_ID_USER").query(Long.class).single()).isEqualTo(8);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_ID_GROUP").query(Long.class).single()).isEqualTo(6);
    assertThat(jdbc.sql("SELECT USER_ID_, GROUP_ID_ FROM ACT_ID_MEMBERSHIP GROUP BY USER_ID_, GROUP_ID_"
        + " HAVING COUNT(*) > 1").query().listOfRows()).isEmpty();
    // each shared filter is readable once by the five groups that work in Tasklist, each role filter once by
    // its roles: Management reviews (1), Corrective actions (2), Audit samples (1) (RoleAuthorizations)
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = :filter AND GROUP_ID_ IS NOT NULL"
        + " AND RESOURCE_ID_ <> '*'")
        .param("filter", Resources.FILTER.resourceType()).query(Long.class).single()).isEqualTo(4 * 5 + 4);
  }

  @Test
  void bothNodesAreRecordedWithTheirSharedSettings() {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_node").query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aTimerBothNodesCouldFireIsFiredOnce() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("cluster-timer").camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("Timer_Wait").timerWithDuration("PT1S")
        .serviceTask("Task_Fire").camundaExpression("${clusterTimerProbe.fire(execution)}").endEvent().done();
    ProcessEngine node1 = nodes.get(0).getBean(ProcessEngine.class);
    node1.getRepositoryService().createDeployment().name("cluster-test").addModelInstance("cluster-timer.bpmn", model)
        .deploy();
    for (int i = 0; i < TIMERS; i++) {
      node1.getRuntimeService().startProcessInstanceByKey("cluster-timer", "T-" + i);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (node1.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cluster-timer").count() > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(node1.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cluster-timer").count())
        .isZero();
    assertThat(PROBE.firings).hasSize(TIMERS);
    assertThat(PROBE.firings.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(node1.getHistoryService().createHistoricActivityInstanceQuery().activityId("Task_Fire").count())
        .isEqualTo(TIMERS);
  }

  @Test
  void aNodeWithOtherSharedSettingsRefusesToStart() {
    assertThatThrownBy(() -> start("node3", Map.of("redress.public-url", "https://elsewhere.example")).close())
        .isInstanceOf(SharedSettings.DifferentSettingsException.class)
        .hasMessageContaining("redress.public-url");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_node").query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aNodeAskedToStop_letsItsRunningJobsFinish() {
    Object executor = nodes.get(1).getBean("camundaTaskExecutor");
    assertThat(ReflectionTestUtils.getField(executor, "waitForTasksToCompleteOnShutdown")).isEqualTo(true);
    assertThat(ReflectionTestUtils.getField(executor, "awaitTerminationMillis")).isEqualTo(50_000L);
    assertThat(nodes.get(1).getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
  }

  /** Last: the database goes away under node1 and comes back. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aDatabaseOutage_isA503WithRetryAfter_andTheNodeRecoversWithoutARestart() throws Exception {
    int port = nodes.get(0).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    HttpClient http = HttpClient.newHttpClient();
    String complaint = """
        {"complainantName":"Jane Doe","complainantEmail":"jane@example.org","preferredChannel":"email",
         "productOrService":"Broadband","description":"My invoice shows a late fee although I paid on time."}""";
    HttpRequest submit = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(complaint)).build();
    // the public how-to page reads the deployed decision table from the database
    HttpRequest statusPage = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
        .header("Accept", "text/html").build();
    admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
    try {
      long started = System.nanoTime();
      HttpResponse<String> api = http.send(submit, HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
      assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
      assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(api.body()).contains("\"title\":\"Temporarily unavailable\"").doesNotContain("Exception");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      HttpResponse<String> page = http.send(statusPage, HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("Temporarily unavailable", "try again in a minute").doesNotContain("Exception");
    } finally {
      admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    }
    int status = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (status != 201 && System.nanoTime() < deadline) {
      status = http.send(submit, HttpResponse.BodyHandlers.ofString()).statusCode();
      if (status != 201) {
        Thread.sleep(500);
      }
    }
    assertThat(status).as("a complaint is taken again once the database is back, without a restart").isEqualTo(201);
  }

  static void admin(String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Counts, per business key, how often the service task after the timer ran, and on which node. */
  public static final class TimerProbe {
    final Map<String, AtomicInteger> firings = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();

    public void fire(DelegateExecution execution) {
      firings.computeIfAbsent(execution.getProcessBusinessKey(), k -> new AtomicInteger()).incrementAndGet();
      byNode.computeIfAbsent(execution.getProcessEngine().getName(), k -> new AtomicInteger()).incrementAndGet();
    }
  }
}
