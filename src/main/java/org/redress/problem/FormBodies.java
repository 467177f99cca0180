package org.redress.problem;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A form record as a request body ({@code @Valid @RequestBody SomeForm form}) is read like every other
 * form ({@link FormBinding}): fields it does not have and values of the wrong kind are noted, not thrown
 * at the first, and refused together with the record's constraints in one answer. A body without such
 * problems goes on to Spring's own {@code @Valid}.
 */
@ControllerAdvice
class FormBodies extends RequestBodyAdviceAdapter {

  private final FormBinding binding;

  FormBodies(FormBinding binding) {
    this.binding = binding;
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> type && type.isRecord();
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    RequestContextHolder.currentRequestAttributes()
        .setAttribute(FieldErrorSink.KEY, new FieldErrorSink(false), RequestAttributes.SCOPE_REQUEST);
    return input;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    RequestAttributes request = RequestContextHolder.currentRequestAttributes();
    FieldErrorSink sink = (FieldErrorSink) request.getAttribute(FieldErrorSink.KEY, RequestAttributes.SCOPE_REQUEST);
    request.removeAttribute(FieldErrorSink.KEY, RequestAttributes.SCOPE_REQUEST);
    if (sink != null && !sink.isEmpty()) {
      throw new SubmissionRefused(binding.check(body, sink));
    }
    return body;
  }
}
