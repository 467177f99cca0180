package org.redress.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every staff entrance authenticates against Camunda's identity service with HTTP Basic (what
 * Camunda Modeler sends when it deploys): {@code /engine-rest/*} and Redress's own {@code /api/*}
 * except the complainants' public {@code /api/complaints/**}. No credentials or wrong ones: 401.
 * Once authenticated, the engine applies the authorizations of {@link RoleAuthorizations} to every
 * call, so a refused operation is a 403. The webapps under {@code /camunda} keep Camunda's own login.
 */
@Configuration
public class EngineRestAuthentication {

  /** Complainants reach these with their reference and access code, never with a staff login. */
  public static final String PUBLIC_API = "/api/complaints";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    String path = restPath.endsWith("/") ? restPath.substring(0, restPath.length() - 1) : restPath;
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("redress-engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, path);
    registration.addUrlPatterns(path + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> staffApiAuthenticationFilter(
      org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
    FilterRegistrationBean<StaffApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffApiAuthenticationFilter(engine));
    registration.setName("redress-staff-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Camunda's filter on Redress's API: the default engine's identity service, public paths skipped. */
  static class StaffApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine;

    StaffApiAuthenticationFilter(org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
      this.engine = engine;
    }

    /**
     * This application's own engine, the one Redress's controllers read the authentication from —
     * not whichever engine Camunda's JVM-wide registry calls "default".
     */
    @Override
    protected org.camunda.bpm.engine.ProcessEngine getAddressedEngine(String engineName) {
      return engine.getObject();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String path = http.getRequestURI().substring(http.getContextPath().length());
      if (path.equals(PUBLIC_API) || path.startsWith(PUBLIC_API + "/")) {
        chain.doFilter(request, response);
        return;
      }
      super.doFilter(request, response, chain);
    }
  }
}
