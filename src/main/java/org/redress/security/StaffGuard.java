package org.redress.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks {@link StaffOnly} before a Redress controller runs, with Spring MVC's own interceptor: the
 * caller (authenticated by {@link EngineRestAuthentication}, Basic or webapp session) must be in one
 * of the groups, else the request is refused with a {@link StaffAccessRefused} problem.
 */
@Component
class StaffGuard implements HandlerInterceptor, WebMvcConfigurer {

  private final StaffCaller staff;

  StaffGuard(StaffCaller staff) {
    this.staff = staff;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      StaffOnly rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), StaffOnly.class);
      if (rule == null) {
        rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), StaffOnly.class);
      }
      if (rule != null) {
        staff.require(Set.of(rule.value()), rule.to());
      }
    }
    return true;
  }
}
