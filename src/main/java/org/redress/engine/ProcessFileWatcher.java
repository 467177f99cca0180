package org.redress.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Dev loop for process owners (profile {@code dev} only): watches processes/ and forms/ in the
 * working copy and, when a .bpmn, .dmn or .form file is saved, deploys all of them again from disk
 * under the same one-deployment rule as at start-up ({@link ProcessAndFormDeployment}): one
 * deployment "redress" with every process and form, only when something changed. A file the
 * engine refuses is logged as an error naming the file and the problem; the application keeps
 * running and the previous deployment stays in use until the file is fixed.
 */
@Component
@Profile("dev")
@EnableConfigurationProperties(DevLoopSettings.class) // also when this class is started on its own
class ProcessFileWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessFileWatcher.class);
  /** Editors save in several steps (temp file, rename, touch): wait until the folder is quiet. */
  static final long QUIET_MILLIS = 300;

  private final ProcessAndFormDeployment deployment;
  private final Path root;
  private final String deploymentName;
  private WatchService watchService;
  private Thread thread;
  private volatile int deployments;
  private volatile int failures;
  /** Files saved since the last check / since the last successful deployment. */
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private final Set<String> pending = new TreeSet<>();

  @Autowired
  public ProcessFileWatcher(ProcessAndFormDeployment deployment, DevLoopSettings settings) {
    this(deployment, Path.of(settings.watchDir()), ProcessAndFormDeployment.DEPLOYMENT_NAME);
  }

  ProcessFileWatcher(ProcessAndFormDeployment deployment, Path root, String deploymentName) {
    this.deployment = deployment;
    this.root = root.toAbsolutePath().normalize();
    this.deploymentName = deploymentName;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onApplicationReady() throws IOException {
    start();
    redeploy(); // the working copy may be newer than the files packed into target/classes
  }

  public synchronized void start() throws IOException {
    if (thread != null) {
      return;
    }
    watchService = FileSystems.getDefault().newWatchService();
    for (String dir : new String[] {"processes", "forms"}) {
      Path folder = root.resolve(dir);
      if (Files.isDirectory(folder)) {
        folder.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      } else {
        LOG.warn("Dev loop: {} does not exist, not watched", folder);
      }
    }
    thread = new Thread(this::watch, "redress-process-file-watcher");
    thread.setDaemon(true);
    thread.start();
    LOG.info("Dev loop: watching {}/processes and {}/forms; saved files are deployed without a restart", root, root);
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        drain(key);
        // collect the rest of this save before deploying once
        WatchKey more;
        while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        if (!changed.isEmpty()) {
          redeploy();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain(WatchKey key) {
    String folder = ((Path) key.watchable()).getFileName().toString();
    for (var event : key.pollEvents()) {
      String name = String.valueOf(event.context());
      if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
        changed.add(folder + "/" + name);
      }
    }
    key.reset();
  }

  /** What the engine said, per file and element when it says so (a ParseException's reports). */
  static String describe(Exception e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ParseException parse) {
        // getResorceReports: sic, the Camunda 7 API spelling
        for (ResourceReport report : parse.getResorceReports()) {
          for (Problem problem : report.getErrors()) {
            text.append(System.lineSeparator()).append("  ").append(report.getResourceName()).append(": ")
                .append(problem.getMainElementId() == null ? "" : problem.getMainElementId() + ": ")
                .append(problem.getMessage()).append(" (line ").append(problem.getLine()).append(')');
          }
        }
        break;
      }
    }
    return text.toString();
  }

  /** Deploys the working copy's processes/ and forms/; never throws. */
  void redeploy() {
    List<String> saved = new ArrayList<>(new TreeSet<>(changed));
    changed.clear();
    try {
      String id = deployment.deploy(deploymentName, ProcessAndFormDeployment.resourcesIn(root));
      pending.clear();
      if (id != null) {
        deployments++;
        LOG.info("Dev loop: redeployed processes/ and forms/ from {} as deployment {}", root, id);
      }
    } catch (Exception e) {
      failures++;
      pending.addAll(saved);
      LOG.error("Dev loop: processes/ and forms/ in {} were NOT deployed; the previous deployment stays in use. "
          + "Saved since the last deployment: {}. Fix the file and save again. {}", root, pending, describe(e));
    }
  }

  int deployments() {
    return deployments;
  }

  int failures() {
    return failures;
  }

  boolean isWatching() {
    return thread != null && thread.isAlive();
  }

  @Override
  @PreDestroy
  public synchronized void close() throws IOException {
    if (thread != null) {
      thread.interrupt();
      watchService.close();
      thread = null;
    }
  }
}
