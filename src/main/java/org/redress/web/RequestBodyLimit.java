package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies of the complainants' API (/api/complaints/**) are small: anything over {@link #MAX_JSON_BYTES} is refused
 * with 413 — by its Content-Length at once, or while reading when it has none (chunked).
 * Multipart uploads are limited by spring.servlet.multipart.* instead.
 */
@Component
public class RequestBodyLimit extends OncePerRequestFilter {

  public static final int MAX_JSON_BYTES = 64 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !request.getRequestURI().startsWith("/api/complaints")
        || (type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_JSON_BYTES) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json");
      response.getOutputStream().write("""
          {"type":"https://redress.example/problems/too-large","title":"Request too large","status":413,\
          "detail":"The request body is too large.","errors":[{"field":"body","reason":"must be at most %d KB"}]}"""
          .formatted(MAX_JSON_BYTES / 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  /** Thrown while reading past the limit; the API answers 413. */
  public static class TooLarge extends IOException {
    TooLarge() {
      super("request body too large");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_JSON_BYTES) {
              throw new TooLarge();
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0 && (read += n) > MAX_JSON_BYTES) {
              throw new TooLarge();
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
