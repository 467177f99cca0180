package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public pages ("/", "/complaints/**"): CSRF check on their forms ({@link FormTokens}), strict
 * browser headers — no framing, no sniffing, no referrer, nothing cached, scripts and styles from
 * this site only — and their language: English or German (messages/public*.properties), chosen by
 * the browser's Accept-Language until the complainant picks one with the switch in the header
 * ({@code ?lang=de}), which a cookie then remembers for a year.
 */
@Configuration
class PublicPages implements WebMvcConfigurer {

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
  static final String LANGUAGE_COOKIE = "redress-lang";
  static final String LANGUAGE_PARAMETER = "lang";

  private final FormTokens formTokens;

  public PublicPages(FormTokens formTokens) {
    this.formTokens = formTokens;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(formTokens).addPathPatterns("/complaints/**");
    registry.addInterceptor(new LanguageSwitch()).addPathPatterns("/", "/complaints/**", "/error");
  }

  /** Accept-Language picks English or German until the complainant chooses; the choice is kept in a cookie. */
  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(request -> {
      if (request.getHeader("Accept-Language") == null) {
        return Locale.ENGLISH; // not the server's own default language
      }
      for (Locale wanted : Collections.list(request.getLocales())) {
        for (Locale language : LANGUAGES) {
          if (language.getLanguage().equals(wanted.getLanguage())) {
            return language;
          }
        }
      }
      return Locale.ENGLISH;
    });
    return resolver;
  }

  /** {@code ?lang=en|de} on a GET: switches the language and remembers it; any other value is ignored. */
  static class LanguageSwitch implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      String wanted = request.getParameter(LANGUAGE_PARAMETER);
      if (wanted != null && "GET".equals(request.getMethod())) {
        LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted)).findFirst().ifPresent(language -> {
          LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
          if (resolver != null) {
            resolver.setLocale(request, response, language);
          }
        });
      }
      return true;
    }
  }

  /** The page's own path, for the language switch in the header (a link to this page in the other language). */
  @ControllerAdvice(assignableTypes = {HowToComplainPage.class, ComplaintFormPage.class, StatusPage.class})
  static class RequestPath {
    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
      String path = request.getRequestURI();
      return path.startsWith("/complaints/status/") && !path.equals("/complaints/status/lost-code")
          ? "/complaints/status" : path; // never an action's address
    }
  }

  @Component
  static class Headers extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI();
      return !(path.equals("/") || path.startsWith("/complaints") || path.startsWith("/api/complaints"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Cache-Control", "no-store");
      if (!request.getRequestURI().startsWith("/api/")) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
      }
      chain.doFilter(request, response);
    }
  }
}
