package com.engagementtracker.command.web;

import com.engagementtracker.api.Limits;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies read dates and text, for every endpoint at once. A date must be an ISO calendar
 * date within {@link Limits#EARLIEST_DATE} and {@link Limits#LATEST_DATE}; text may not carry control
 * characters (PostgreSQL cannot store a NUL in a text column, so one would stop a read model). Either
 * refusal is a 400 naming the field. Spring Boot registers every {@code JacksonModule} bean it finds.
 */
@Component
class RequestValues extends SimpleModule {

    /** Why a text with control characters is refused. */
    static final String PLAIN_TEXT = "must not contain control characters other than tab and line breaks";

    RequestValues() {
        super("request-values");
        addDeserializer(LocalDate.class, new BoundedDate());
        addDeserializer(String.class, new PlainText());
    }

    private static final class BoundedDate extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, LocalDate.class, "must be a calendar date YYYY-MM-DD");
            }
            if (!Limits.dateInRange(date)) {
                throw context.weirdStringException(text, LocalDate.class,
                        "must lie from " + Limits.EARLIEST_DATE + " to " + Limits.LATEST_DATE);
            }
            return date;
        }
    }

    private static final class PlainText extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (!plainText(text)) {
                throw context.weirdStringException(text, String.class, PLAIN_TEXT);
            }
            return text;
        }
    }

    /** Whether a text (or none) carries no control character other than tab and line breaks. */
    static boolean plainText(String text) {
        return text == null || text.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
    }
}
