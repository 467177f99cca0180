package org.redress;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps what the whole test suite logs at ERROR, and every refusal logged at INFO, in one file per
 * build ({@code redress.suite-log}, set by the pom), so that {@link SuiteLogTest} can read the log of
 * all test JVMs at the end of the run. Registered for every Spring context of the tests through
 * META-INF/spring.factories; Spring Boot resets logback when a context starts, so the appender is
 * attached again after each start.
 */
public class SuiteLogRecorder implements ApplicationListener<ApplicationStartedEvent> {

  static final String FILE_PROPERTY = "redress.suite-log";
  static final String APPENDER = "redress-suite-log";

  /** Exceptions that mean "a person entered a value the rules refuse", not a failure. */
  static final Set<String> REFUSALS = Set.of(
      "org.redress.engine.InvalidSubmissionException",
      "org.redress.engine.RefusedAction",
      "org.redress.problem.RefusedRequest",
      "org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException",
      "org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException");

  /** One line per kept entry: kind, logger, exception chain, first line of the message. */
  enum Kind { REFUSAL_AT_ERROR, OTHER_ERROR, REFUSAL_AT_INFO }

  @Override
  public void onApplicationEvent(ApplicationStartedEvent event) {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null || file.isBlank() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback)) {
      return;
    }
    Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(APPENDER) != null) {
      return;
    }
    FileAppender appender = new FileAppender(Path.of(file));
    appender.setName(APPENDER);
    appender.setContext(logback);
    appender.start();
    root.addAppender(appender);
  }

  static final class FileAppender extends AppenderBase<ILoggingEvent> {

    private final Path file;

    FileAppender(Path file) {
      this.file = file;
    }

    @Override
    protected void append(ILoggingEvent event) {
      List<String> chain = chain(event.getThrowableProxy());
      boolean refusal = chain.stream().anyMatch(REFUSALS::contains);
      Kind kind;
      if (event.getLevel() == Level.ERROR) {
        kind = refusal ? Kind.REFUSAL_AT_ERROR : Kind.OTHER_ERROR;
      } else if (event.getLoggerName().equals("org.redress.engine.RefusalLogging")) {
        kind = Kind.REFUSAL_AT_INFO;
      } else {
        return;
      }
      String message = String.valueOf(event.getFormattedMessage()).lines().findFirst().orElse("");
      String line = String.join("\t", kind.name(), event.getLoggerName(), String.join(" <- ", chain),
          message.replace('\t', ' ')) + System.lineSeparator();
      write(line);
    }

    private synchronized void write(String line) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static List<String> chain(IThrowableProxy thrown) {
      List<String> classes = new ArrayList<>();
      for (IThrowableProxy t = thrown; t != null && classes.size() < 20; t = t.getCause()) {
        classes.add(t.getClassName());
      }
      return classes;
    }
  }
}
