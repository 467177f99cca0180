package org.redress.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * How Jackson reads a form (Spring Boot registers this module with its ObjectMapper): while a form is
 * read ({@link FieldErrorSink} present), a field the form does not have, or a value of the wrong kind —
 * a number for a text, "yes" for true/false — is noted with its reason and the reading goes on, so the
 * answer lists every refused field; Bean Validation then checks the rest. A text is read without its
 * surrounding spaces, and a blank text as no value; a text with a lone UTF-16 surrogate (a JSON escape such
 * as {@code "\uD800"} that is half a character) is refused as not valid Unicode, never stored as "?".
 * Decimals are read with bounded size and scale ({@link BoundedDecimal}), in and outside a form read.
 * Outside a form read Jackson behaves as always otherwise.
 */
@Component
class FormJson extends SimpleModule {

  FormJson() {
    super("redress-forms");
    addDeserializer(String.class, new Strict<>(String.class, "must be text", StringDeserializer.instance,
        JsonToken.VALUE_STRING::equals));
    addDeserializer(Boolean.class, new Strict<>(Boolean.class, "must be true or false",
        NumberDeserializers.find(Boolean.class, Boolean.class.getName()), JsonToken::isBoolean));
    addDeserializer(Integer.class, new Strict<>(Integer.class, "must be a whole number",
        NumberDeserializers.find(Integer.class, Integer.class.getName()),
        token -> token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING));
    addDeserializer(BigDecimal.class, new Strict<>(BigDecimal.class, "must be a number",
        BoundedDecimal.INSTANCE, token -> token.isNumeric() || token == JsonToken.VALUE_STRING));
    addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, "must be a date YYYY-MM-DD",
        LocalDateDeserializer.INSTANCE, JsonToken.VALUE_STRING::equals));
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addDeserializationProblemHandler(new UnknownFields());
  }

  /** A field the form does not have: noted with the form's reason, its value skipped. */
  static final class UnknownFields extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      FieldErrorSink sink = FieldErrorSink.of(context);
      if (sink == null) {
        return false;
      }
      if (!sink.ignoreUnknown) {
        Class<?> form = beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass();
        org.redress.problem.UnknownFields reason = form.getAnnotation(org.redress.problem.UnknownFields.class);
        sink.unknown.add(new FieldError(propertyName, reason == null ? "is not a known field" : reason.value()));
      }
      p.skipChildren();
      return true;
    }
  }

  /** A scalar that, while a form is read, takes only the kinds of JSON value it names. */
  static final class Strict<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

    private final String reason;
    private final JsonDeserializer<?> standard;
    private final Predicate<JsonToken> accepted;

    Strict(Class<T> type, String reason, JsonDeserializer<?> standard, Predicate<JsonToken> accepted) {
      super(type);
      this.reason = reason;
      this.standard = standard;
      this.accepted = accepted;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
      WrongType wrongType = property == null ? null : property.getAnnotation(WrongType.class);
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) handledType();
      return wrongType == null ? this : new Strict<>(type, wrongType.value(), standard, accepted);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
      FieldErrorSink sink = FieldErrorSink.of(context);
      if (sink == null) {
        T value = (T) standard.deserialize(p, context);
        if (value instanceof String text && hasLoneSurrogate(text)) {
          return (T) context.handleWeirdStringValue(String.class, "?", NOT_UNICODE);
        }
        return value;
      }
      String field = p.currentName();
      String why = reason;
      try {
        if (accepted.test(p.currentToken())) {
          if (handledType() != String.class) {
            return (T) standard.deserialize(p, context);
          }
          String text = p.getText();
          if (!hasLoneSurrogate(text)) {
            return (T) text(text);
          }
          why = NOT_UNICODE;
        }
      } catch (JsonParseException broken) {
        throw broken;
      } catch (JsonProcessingException | DateTimeException | NumberFormatException | ArithmeticException wrong) {
        // noted below
      }
      sink.wrongType.add(new FieldError(field == null ? "body" : field, why));
      p.skipChildren();
      return null;
    }

    static final String NOT_UNICODE = "contains characters that are not valid Unicode";

    /** Half of a UTF-16 surrogate pair without the other half: not a character, cannot be stored as one. */
    static boolean hasLoneSurrogate(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }

    /** Surrounding spaces are not part of a value, and a blank value is no value. */
    private static String text(String value) {
      return value.isBlank() ? null : value.strip();
    }
  }
}
