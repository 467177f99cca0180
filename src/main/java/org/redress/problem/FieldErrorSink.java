package org.redress.problem;

import com.fasterxml.jackson.databind.DeserializationContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where the form reader notes a value of the wrong kind or a field the form does not have, instead of
 * failing at the first, so that one answer lists every refused field. Present only while a form is
 * read: as an attribute of that read ({@link FormBinding}) or of the request (a request body, {@link FormBodies}).
 */
final class FieldErrorSink {

  static final String KEY = FieldErrorSink.class.getName();

  final List<FieldError> unknown = new ArrayList<>();
  final List<FieldError> wrongType = new ArrayList<>();
  final boolean ignoreUnknown;

  FieldErrorSink(boolean ignoreUnknown) {
    this.ignoreUnknown = ignoreUnknown;
  }

  boolean isEmpty() {
    return unknown.isEmpty() && wrongType.isEmpty();
  }

  /** The sink of this read, or null when nobody reads a form (then Jackson behaves as it always does). */
  static FieldErrorSink of(DeserializationContext context) {
    if (context.getAttribute(KEY) instanceof FieldErrorSink sink) {
      return sink;
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null && request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof FieldErrorSink sink
        ? sink : null;
  }
}
