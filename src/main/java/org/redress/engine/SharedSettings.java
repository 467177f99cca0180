package org.redress.engine;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settings that must be equal on every node of one database, checked at start (inside the {@link StartUpLock}):
 * each node records the values it started with in {@code cluster_node} and renews its row every
 * {@value #HEARTBEAT_SECONDS} seconds; a node whose values differ from those of a node seen in the last
 * {@value #STALE_SECONDS} seconds refuses to start and names the settings that differ. Stop every node to
 * change one of them (rows of stopped or dead nodes no longer count once they are stale). On PostgreSQL only:
 * H2 is the embedded database of a single node.
 *
 * <p>The shared settings ({@link #SHARED}): the response targets and reminders
 * ({@code redress.business-calendar}, {@code redress.handling-times}), the assessment rules ({@code redress.assessment}), the objectives and the
 * reporting zone the KPI summary is built for ({@code redress.objectives}: two zones would rebuild it in
 * turn), the public address in letters ({@code redress.public-url}), the mail sender and server
 * ({@code redress.mail}, {@code spring.mail.host}: a node without a mail server would record letters for staff
 * instead of sending them), the complaints mailbox ({@code redress.mailbox.host}: its polling process is
 * switched on or off by each node), retention, the improvement and audit-sampling cycles, and Camunda's
 * history level, authorization switch and engine properties ({@code camunda.bpm.history-level},
 * {@code camunda.bpm.authorization}, {@code camunda.bpm.generic-properties}).
 */
@Component
@Order(-10)
public class SharedSettings implements ApplicationRunner {

  static final List<String> SHARED = List.of("redress.business-calendar", "redress.handling-times", "redress.assessment", "redress.objectives",
      "redress.public-url", "redress.mail", "spring.mail.host", "spring.mail.port", "redress.mailbox.host",
      "redress.retention", "redress.improvement", "redress.audit-sampling", "camunda.bpm.history-level",
      "camunda.bpm.authorization", "camunda.bpm.generic-properties");
  static final int HEARTBEAT_SECONDS = 30;
  static final int STALE_SECONDS = 90;
  private static final Logger LOG = LoggerFactory.getLogger(SharedSettings.class);

  private final JdbcClient jdbc;
  private final ClusterLock locks;
  private final ConfigurableEnvironment environment;
  private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);
  private ScheduledExecutorService heartbeat;

  SharedSettings(JdbcClient jdbc, ClusterLock locks, ConfigurableEnvironment environment) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.environment = environment;
  }

  /** This node's id in cluster_node: process id@host/random. */
  public String nodeId() {
    return nodeId;
  }

  @Override
  public synchronized void run(ApplicationArguments args) {
    if (!locks.shared()) {
      return; // H2: the embedded database of one node (tests start several contexts on one in-memory H2)
    }
    Map<String, String> mine = values();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql("DELETE FROM cluster_node WHERE seen_at < :stale").param("stale", now.minusSeconds(STALE_SECONDS)).update();
    List<String[]> others = jdbc.sql("SELECT node_id, settings FROM cluster_node")
        .query((row, n) -> new String[] {row.getString(1), row.getString(2)}).list();
    for (String[] other : others) {
      List<String> differing = differing(mine, parse(other[1]));
      if (!differing.isEmpty()) {
        throw new DifferentSettingsException(other[0], differing);
      }
    }
    jdbc.sql("INSERT INTO cluster_node (node_id, settings, started_at, seen_at) VALUES (:id, :settings, :now, :now)")
        .param("id", nodeId).param("settings", render(mine)).param("now", now).update();
    LOG.info("Node {} joined {} other live node(s) with the same shared settings", nodeId, others.size());
    heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "cluster-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  private void beat() {
    try {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      int updated = jdbc.sql("UPDATE cluster_node SET seen_at = :now WHERE node_id = :id")
          .param("now", now).param("id", nodeId).update();
      if (updated == 0) {
        // deleted as stale while the database was away: come back with the same settings
        jdbc.sql("INSERT INTO cluster_node (node_id, settings, started_at, seen_at) VALUES (:id, :settings, :now, :now)")
            .param("id", nodeId).param("settings", render(values())).param("now", now).update();
      }
    } catch (RuntimeException e) {
      LOG.debug("Heartbeat not recorded this time: {}", e.getMessage());
    }
  }

  @PreDestroy
  synchronized void leave() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      try {
        jdbc.sql("DELETE FROM cluster_node WHERE node_id = :id").param("id", nodeId).update();
      } catch (RuntimeException e) {
        // stale in STALE_SECONDS anyway
      }
    }
  }

  /** The shared settings' values as this node sees them, by canonical property name. */
  Map<String, String> values() {
    Map<String, String> values = new TreeMap<>();
    List<ConfigurationPropertyName> prefixes = SHARED.stream().map(ConfigurationPropertyName::of).toList();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        iterable.stream().filter(name -> prefixes.stream().anyMatch(p -> p.equals(name) || p.isAncestorOf(name)))
            .forEach(name -> values.putIfAbsent(name.toString(), environment.getProperty(name.toString(), "")));
      }
    }
    return values;
  }

  static List<String> differing(Map<String, String> mine, Map<String, String> theirs) {
    TreeMap<String, String> all = new TreeMap<>(mine);
    theirs.forEach(all::putIfAbsent);
    List<String> differing = new ArrayList<>();
    for (String key : all.keySet()) {
      if (!mine.getOrDefault(key, "").equals(theirs.getOrDefault(key, ""))) {
        differing.add(key);
      }
    }
    return differing;
  }

  static String render(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\n", " "))
        .collect(Collectors.joining("\n"));
  }

  static Map<String, String> parse(String rendered) {
    Map<String, String> values = new TreeMap<>();
    for (String line : rendered.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }

  /** Thrown at start-up: this node would behave differently from the nodes already running. */
  public static class DifferentSettingsException extends IllegalStateException {
    public DifferentSettingsException(String node, List<String> settings) {
      super("Redress will not start: these settings differ from those of node " + node + ", which is running on the"
          + " same database: " + String.join(", ", settings) + ". They must be equal on every node; stop all nodes to"
          + " change them.");
    }
  }
}
