package org.redress.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A decimal read with bounded size and scale before anything computes with it: at most {@value #MAX_LENGTH}
 * characters and a scale between -{@value #MAX_SCALE} and {@value #MAX_SCALE}. Plain Jackson accepts
 * {@code 1e-999999999}, and the first {@code setScale} or {@code toPlainString} on it then costs seconds of
 * CPU or throws; here it is a refused value (400) found in microseconds.
 */
final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

  static final int MAX_LENGTH = 40;
  static final int MAX_SCALE = 20;
  static final BoundedDecimal INSTANCE = new BoundedDecimal();

  private BoundedDecimal() {
    super(BigDecimal.class);
  }

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.VALUE_STRING && !token.isNumeric()) {
      return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, p);
    }
    String text = p.getText().strip();
    try {
      return parse(text);
    } catch (NumberFormatException e) {
      return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text.length() > MAX_LENGTH
          ? text.substring(0, MAX_LENGTH) + "…" : text, "not a number of bounded size");
    }
  }

  /** @throws NumberFormatException for anything but a decimal of bounded length and scale */
  static BigDecimal parse(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new NumberFormatException("not a number of at most " + MAX_LENGTH + " characters");
    }
    BigDecimal value = new BigDecimal(text);
    if (Math.abs(value.scale()) > MAX_SCALE) {
      throw new NumberFormatException("scale out of bounds");
    }
    return value;
  }
}
