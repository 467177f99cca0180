package org.redress.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * A refused form value or action is a person's mistake, not a failure: the engine logs every exception
 * that ends a command at ERROR with its stack trace (ENGINE-16004, logger
 * {@code org.camunda.bpm.engine.context}), which would page an operator for a typo. This logback filter
 * turns such an entry into one INFO line without a stack trace when the exception is an
 * {@link InvalidSubmissionException} or a {@link RefusedAction}; every other exception is still logged
 * at ERROR as the engine writes it.
 */
@Component
class RefusalLogging implements ApplicationListener<ApplicationStartedEvent> {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

  @Override
  public void onApplicationEvent(ApplicationStartedEvent event) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getTurboFilterList().stream().noneMatch(RefusalsAtInfo.class::isInstance)) {
      logback.addTurboFilter(new RefusalsAtInfo());
    }
  }

  static final class RefusalsAtInfo extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
        Throwable thrown) {
      if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
        return FilterReply.NEUTRAL;
      }
      Throwable refusal = refusal(thrown);
      if (refusal == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
        refusal = refusal(last);
      }
      if (refusal == null) {
        return FilterReply.NEUTRAL;
      }
      LOG.info("Refused: {}", refusal.getMessage());
      return FilterReply.DENY;
    }

    /** The refusal in a cause chain, or null when the exception is something else. */
    static Throwable refusal(Throwable thrown) {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof InvalidSubmissionException || cause instanceof RefusedAction) {
          return cause;
        }
      }
      return null;
    }
  }
}
