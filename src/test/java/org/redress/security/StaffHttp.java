package org.redress.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP as a member of staff: Basic auth on /engine-rest and /api (like Camunda Modeler or a script),
 * or a webapp login with Camunda's session and CSRF token (like the browser).
 */
public class StaffHttp {

  public static final String ANONYMOUS = "(anonymous)";
  static final ObjectMapper JSON = new ObjectMapper();

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  public StaffHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Demo accounts: the password is the user name. */
  public Response send(String user, String method, String path, String contentType, byte[] body) {
    return send(user, user, method, path, contentType, body);
  }

  public Response send(String user, String password, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return exchange(request, user, password);
  }

  private Response exchange(HttpRequest.Builder request, String user, String password) {
    if (!ANONYMOUS.equals(user)) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String user, String path) {
    return send(user, "GET", path, null, null);
  }

  /** A staff page as a browser asks for it (Accept: text/html), with HTTP Basic. */
  public Response page(String user, String path) {
    return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"), user, user);
  }

  public Response postJson(String user, String path, Object body) {
    try {
      return send(user, "POST", path, "application/json", JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Camunda Modeler's deployment request: multipart/form-data with the deployment fields and the files. */
  public Response deployLikeModeler(String user, String deploymentName, Map<String, byte[]> files) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", deploymentName);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    fields.put("deploy-changed-only", "true");
    String boundary = "----RedressModelerBoundary" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      for (var field : fields.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
            + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      for (var file : files.entrySet()) {
        String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file.getValue());
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return send(user, "POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        out.toByteArray());
  }

  /**
   * Logs in to a Camunda webapp the way the browser does: open the app (session + CSRF cookie),
   * then POST the login form with the CSRF token. 200 logged in, 401 bad credentials, 403 no access.
   */
  public int webappLogin(String user, String password, String app) {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A browser logged in to a Camunda webapp: later requests carry its session cookie, and changing
   * ones the CSRF token when asked to.
   */
  public WebappSession webappSession(String user, String password, String app) {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    WebappSession session = new WebappSession(browser, cookies);
    session.send("GET", "/camunda/app/" + app + "/default/", false);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Response login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app, true,
        "application/x-www-form-urlencoded", form);
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + " answered " + login.status());
    }
    // the login starts a new session; like the webapp, fetch the app once more for its CSRF token
    session.send("GET", "/camunda/app/" + app + "/default/", false);
    return session;
  }

  public class WebappSession {
    private final HttpClient browser;
    private final CookieManager cookies;

    WebappSession(HttpClient browser, CookieManager cookies) {
      this.browser = browser;
      this.cookies = cookies;
    }

    public Response get(String path) {
      return send("GET", path, false);
    }

    public Response send(String method, String path, boolean withCsrfToken) {
      return send(method, path, withCsrfToken, null, null);
    }

    public Response send(String method, String path, boolean withCsrfToken, String contentType, String body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (withCsrfToken) {
        request.header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""));
      }
      try {
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
