package org.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of random and malformed bodies to POST /api/complaints: the API never answers 5xx,
 * every refusal is problem+json, and the database holds exactly the complaints that got a 201.
 * Seeded, so a failure can be replayed (-Dredress.fuzz.seed=…).
 */
@RedressTest
class ComplainantApiFuzzTest {

  static final int BODIES = Integer.getInteger("redress.fuzz.bodies", 2500);
  static final long SEED = Long.getLong("redress.fuzz.seed", 10002L);
  static final String[] FIELDS = {"complainantName", "complainantOrganisation", "complainantEmail", "complainantPhone",
      "complainantAddress", "preferredChannel", "preferredLanguage", "onBehalfOf", "productOrService", "orderReference",
      "problemDate", "description", "remedyRequested", "amountAtStake", "safetyConcern", "legalOrRegulatory"};

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  final Random random = new Random(SEED);
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void randomAndMalformedBodies_neverCauseAServerError_andOnlyValidComplaintsAreStored() throws Exception {
    long before = count();
    Set<String> created = new HashSet<>();
    List<String> serverErrors = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < BODIES; i++) {
      byte[] body = body(i);
      String type = random.nextInt(20) == 0 ? contentType() : "application/json";
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
          .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      int status = answer.statusCode();
      statuses.merge(status, 1, Integer::sum);
      if (status >= 500) {
        serverErrors.add(i + ": " + status + " " + answer.body() + " for " + new String(body, StandardCharsets.UTF_8));
        continue;
      }
      if (status == 201) {
        created.add(json.readTree(answer.body()).path("reference").asText());
      } else {
        assertThat(status).as("body %d: %s", i, answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).as("body %d", i).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
      }
    }
    System.out.println("Fuzzed bodies by HTTP status: " + statuses);
    assertThat(serverErrors).isEmpty();
    assertThat(created).as("some bodies were valid").hasSizeGreaterThan(BODIES / 40);
    assertThat(count()).isEqualTo(before + created.size());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE reference IN (:r)").param("r", created)
        .query(Long.class).single()).isEqualTo(created.size());
  }

  /**
   * Input built to hurt (issue 17): numbers whose scale would cost seconds of CPU in arithmetic, half a
   * UTF-16 character, content after the JSON body. Each is a 400 problem naming the field, answered fast.
   */
  @Test
  void hostileNumbersTextsAndTrailingContent_areRefusedWith400_fast() throws Exception {
    Map<String, String> refusedField = new LinkedHashMap<>();
    for (String amount : List.of("1e-999999999", "1e999999999", "\"1e-999999999\"", "\"1E+2147483647\"",
        "0." + "0".repeat(900) + "1", "\"" + "9".repeat(5000) + "\"")) {
      refusedField.put(withField("amountAtStake", amount), "amountAtStake");
    }
    refusedField.put(withField("description", "\"A lone surrogate \\uD800 in the middle of my complaint\""), "description");
    refusedField.put(withField("complainantName", "\"Jane \\uDC00\""), "complainantName");
    refusedField.put(json.writeValueAsString(valid()) + " trailing", "body");
    refusedField.put(json.writeValueAsString(valid()) + " {\"second\": 1}", "body");
    for (Map.Entry<String, String> hostile : refusedField.entrySet()) {
      long started = System.nanoTime();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(hostile.getKey())).build(),
          HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - started) / 1_000_000;
      String shown = hostile.getKey().length() > 120 ? hostile.getKey().substring(0, 120) + "…" : hostile.getKey();
      assertThat(answer.statusCode()).as(shown).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json.readTree(answer.body()).path("errors").findValuesAsText("field")).as(shown)
          .contains(hostile.getValue());
      assertThat(millis).as("answered in %d ms: %s", millis, shown).isLessThan(1000);
    }
    assertThat(json.readTree(send(withField("description", "\"Half \\uD83D of an emoji, more than ten characters\""))
        .body()).path("errors").get(0).path("reason").asText()).isEqualTo("contains characters that are not valid Unicode");
  }

  String withField(String field, String rawJsonValue) throws Exception {
    Map<String, Object> body = valid();
    body.remove(field);
    String json = this.json.writeValueAsString(body);
    return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + rawJsonValue + "}";
  }

  HttpResponse<String> send(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  byte[] body(int i) throws Exception {
    switch (random.nextInt(10)) {
      case 0:
        return randomBytes();
      case 1:
        return truncated(json.writeValueAsBytes(valid()));
      case 2:
        return ("[".repeat(random.nextInt(3000)) + "{\"a\":").getBytes(StandardCharsets.UTF_8);
      case 3:
        return weirdJson().getBytes(StandardCharsets.UTF_8);
      case 4:
        return json.writeValueAsBytes(valid()); // valid, or nearly (random text may still be refused)
      default:
        return json.writeValueAsBytes(mutated(valid()));
    }
  }

  Map<String, Object> valid() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("complainantName", text(1, 60));
    body.put("complainantEmail", "fuzz" + random.nextInt(1_000_000) + "@example.org");
    body.put("preferredChannel", "email");
    body.put("productOrService", text(1, 60));
    body.put("description", "Fuzzed complaint " + text(0, 200));
    if (random.nextBoolean()) {
      body.put("amountAtStake", random.nextInt(10000) / 100.0);
    }
    return body;
  }

  Map<String, Object> mutated(Map<String, Object> body) {
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      String field = random.nextInt(8) == 0 ? text(1, 12) : FIELDS[random.nextInt(FIELDS.length)];
      body.put(field, value());
    }
    if (random.nextInt(5) == 0) {
      body.remove(FIELDS[random.nextInt(FIELDS.length)]);
    }
    return body;
  }

  Object value() {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong();
      case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40));
      case 4 -> List.of(text(0, 5), 1);
      case 5 -> Map.of("nested", Map.of("deeper", text(0, 5)));
      case 6 -> text(0, 20000);
      case 7 -> "2026-" + random.nextInt(20) + "-" + random.nextInt(40);
      case 8 -> "\u0000\u0007" + text(0, 10);
      case 9 -> "\uD83D\uDE00 " + text(1, 30);
      case 10 -> "<script>alert(1)</script>";
      default -> text(0, 300);
    };
  }

  String weirdJson() {
    String[] samples = {"", "null", "true", "42", "\"text\"", "{", "}", "{\"complainantName\":}", "{'single':'quotes'}",
        "{\"a\":1,}", "{\"description\":\"\\uZZZZ\"}", "{\"amountAtStake\":1e999999}", "{\"amountAtStake\":NaN}",
        "{\"problemDate\":\"2026-02-30\"}", "{\"complainantName\":\"x\",\"complainantName\":\"y\"}", "\uFEFF{}",
        "{\"safetyConcern\":\"true\"}", "{\"amountAtStake\":-1}", "{} {}", "/* comment */ {}", "[]",
        "{\"amountAtStake\":1e-999999999}", "{\"amountAtStake\":\"1e-999999999\"}", "{\"description\":\"\\uDC00\"}",
        "{\"complainantName\":\"x\"} trailing"};
    return samples[random.nextInt(samples.length)];
  }

  String contentType() {
    String[] types = {"text/plain", "application/xml", "application/json; charset=nonsense", "application/json;charset=UTF-16",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "", "*/*",
        "application/json; charset=ISO-8859-1"};
    return types[random.nextInt(types.length)];
  }

  byte[] randomBytes() {
    byte[] bytes = new byte[random.nextInt(2000)];
    random.nextBytes(bytes);
    return bytes;
  }

  byte[] truncated(byte[] bytes) {
    byte[] cut = new byte[random.nextInt(Math.max(1, bytes.length))];
    System.arraycopy(bytes, 0, cut, 0, cut.length);
    return cut;
  }

  String text(int min, int max) {
    int length = min + random.nextInt(Math.max(1, max - min + 1));
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(20);
      out.append(kind == 0 ? (char) (0x80 + random.nextInt(0x700)) : kind == 1 ? ' ' : (char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
  }
}
