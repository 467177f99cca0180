package org.redress.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What Tasklist shows when the server refuses a form or an action: Camunda's REST API answers
 * "Cannot submit task form 949bd8ca-…: overrideReason: give a reason…" — an id and a variable key.
 * This filter rewrites the message of a refusal (400) from the engine's REST API, as the webapps and
 * REST clients call it, into the sentence a person reads: "Reason for the change: give a reason…". The
 * field's label comes from the Camunda Forms in forms/; the answer keeps its status and other fields.
 */
@Component
class RefusalSentences extends OncePerRequestFilter {

  /** "Cannot submit task form <id>: " and "Cannot instantiate process definition <key:version:id>: ". */
  static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot [A-Za-z ]+? (?=[\\w.:-]*\\d)[\\w.:-]{8,}: ");
  static final Pattern FIELD_REASON = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*): (.+)$", Pattern.DOTALL);

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> labels;

  RefusalSentences() throws IOException {
    this.labels = labels(new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form"));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"POST".equals(request.getMethod())
        || !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() == 400 && answer.getContentType() != null && answer.getContentType().contains("json")) {
      try {
        JsonNode body = json.readTree(answer.getContentAsByteArray());
        if (body instanceof ObjectNode object && body.path("message").isTextual()) {
          object.put("message", sentence(body.path("message").asText()));
          byte[] rewritten = json.writeValueAsBytes(object);
          answer.resetBuffer();
          answer.getOutputStream().write(rewritten);
        }
      } catch (IOException notJson) {
        // leave the answer as it was
      }
    }
    answer.copyBodyToResponse();
  }

  /** The message without the engine's ids, each "key: reason" as "Label: reason". */
  String sentence(String message) {
    String text = ENGINE_PREFIX.matcher(message).replaceFirst("");
    return Stream.of(text.split("; ")).map(part -> {
      Matcher field = FIELD_REASON.matcher(part);
      if (field.matches() && labels.containsKey(field.group(1))) {
        return labels.get(field.group(1)) + ": " + field.group(2);
      }
      return part;
    }).collect(Collectors.joining("; "));
  }

  /** Field key → label, from every form (the first label a key has). */
  static Map<String, String> labels(Resource[] forms) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> labels = new HashMap<>();
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        collect(json.readTree(in), labels);
      }
    }
    return labels;
  }

  private static void collect(JsonNode node, Map<String, String> labels) {
    if (node.isObject()) {
      // a date field's label is its dateLabel (form-js datetime)
      String label = node.path("label").asText("").isBlank() ? node.path("dateLabel").asText("") : node.path("label").asText();
      if (node.path("key").isTextual() && !label.isBlank()) {
        labels.putIfAbsent(node.path("key").asText(), label.strip());
      }
      node.fields().forEachRemaining(entry -> collect(entry.getValue(), labels));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, labels));
    }
  }
}
