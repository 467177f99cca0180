package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public pages ("/", "/complaints/**"): CSRF check on their forms ({@link FormTokens}) and
 * strict browser headers — no framing, no sniffing, no referrer (the status link carries the
 * access code), nothing cached, scripts and styles from this site only.
 */
@Configuration
class PublicPages implements WebMvcConfigurer {

  private final FormTokens formTokens;

  public PublicPages(FormTokens formTokens) {
    this.formTokens = formTokens;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(formTokens).addPathPatterns("/complaints/**");
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
