package org.redress.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every staff entrance authenticates against Camunda's identity service with HTTP Basic (what
 * Camunda Modeler sends when it deploys): {@code /engine-rest/*} and Redress's own {@code /api/*}
 * except the complainants' public {@code /api/complaints/**}, and the operators' {@code /actuator/prometheus}.
 * No credentials or wrong ones: 401.
 * Once authenticated, the engine applies the authorizations of {@link RoleAuthorizations} to every
 * call, so a refused operation is a 403. The webapps under {@code /camunda} keep Camunda's own login;
 * a browser logged in there reaches {@code /api/*} and the staff pages under {@code /staff} with
 * that session (changing requests must carry the webapps' CSRF token).
 */
@Configuration
class EngineRestAuthentication {

  /** Complainants reach these with their reference and access code, never with a staff login. */
  public static final String PUBLIC_API = "/api/complaints";

  /** Redress's own pages for staff (dashboards, reports), opened from the Camunda webapps. */
  public static final String STAFF_PAGES = "/staff";
  /** Where a browser without a session wanted to go: /staff/dashboard?from=… (see rememberPageAskedFor). */
  public static final String AFTER_LOGIN_COOKIE = "redress-after-login";

  /** The operators' meters (Prometheus scrape): a staff account's HTTP Basic login, like the staff API. */
  public static final String PROMETHEUS = "/actuator/prometheus";

  /** Where a browser without a staff session logs in: Camunda's own login. */
  public static final String WEBAPP_LOGIN = "/camunda/app/welcome/default/#!/login";

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
    registration.addUrlPatterns("/api/*", STAFF_PAGES + "/*", PROMETHEUS);
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
      if (http.getHeader("Authorization") == null) {
        UserAuthentication session = webappSession(http);
        if (session != null) {
          if (!isSafe(http) && !carriesCsrfToken(http)) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing");
            return;
          }
          runAs(session, request, response, chain);
          return;
        }
        if (path.startsWith(STAFF_PAGES + "/") && isSafe(http)) {
          rememberPageAskedFor(http, (HttpServletResponse) response, path);
          ((HttpServletResponse) response).sendRedirect(http.getContextPath() + WEBAPP_LOGIN);
          return;
        }
      }
      super.doFilter(request, response, chain);
    }

    /**
     * The staff page a browser asked for before logging in, for the Welcome app's script
     * (webjars/camunda/app/welcome/redress/after-login.js), which goes there once the login succeeded.
     * Only a path on this server under /staff/; the cookie is seen by the Welcome app alone, for ten minutes.
     */
    static void rememberPageAskedFor(HttpServletRequest http, HttpServletResponse response, String path) {
      String page = http.getQueryString() == null ? path : path + "?" + http.getQueryString();
      jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(AFTER_LOGIN_COOKIE,
          java.net.URLEncoder.encode(http.getContextPath() + page, StandardCharsets.UTF_8));
      cookie.setPath(http.getContextPath() + "/camunda/app/welcome");
      cookie.setMaxAge(600);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }

    /**
     * The user logged in to Cockpit, Tasklist or Admin in this browser: Redress's pages and the
     * Cockpit plugin call {@code /api/staff} with that session instead of a Basic header.
     */
    private UserAuthentication webappSession(HttpServletRequest http) {
      HttpSession session = http.getSession(false);
      if (session == null) {
        return null;
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications == null) {
        return null;
      }
      Authentication authentication =
          authentications.getAuthenticationForProcessEngine(engine.getObject().getName());
      return authentication instanceof UserAuthentication user ? user : null;
    }

    private void runAs(UserAuthentication user, ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      IdentityService identity = engine.getObject().getIdentityService();
      identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    private static boolean isSafe(HttpServletRequest http) {
      return "GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod());
    }

    /** Same rule as the webapps: a changing request from a session carries the session's CSRF token. */
    private static boolean carriesCsrfToken(HttpServletRequest http) {
      Object expected = http.getSession(false).getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String sent = http.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      return expected != null && sent != null && MessageDigest.isEqual(
          expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
  }
}
