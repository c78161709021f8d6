package org.waypoint.budget.line.web;

import io.swagger.v3.oas.annotations.media.Schema;

import org.waypoint.budget.line.domain.Money;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An amount of money in a JSON body exactly as the client wrote it: the text of a JSON number
 * ({@code -1200.5}, {@code 12}) or the content of a string ({@code "18383000.00"}), kept as written
 * so that {@link Money#parse} (the one rule for money that comes in) decides, naming the field:
 * {@code 1e3}, {@code "1e3"}, {@code "Infinity"}, {@code "NaN"}, {@code " 12"}, {@code "12,000"} and
 * anything finer than a penny are refused, never read as a number they do not say. Anything else
 * than a number or a string ({@code true}, an object) is a 400 naming the field as well.
 */
@JsonDeserialize(using = MoneyText.Reader.class)
@Schema(type = "string", pattern = "^-?\\d+(\\.\\d+)?$", example = "18383000.00",
        description = "Pounds and pence as a plain decimal string or JSON number (e.g. \"18383000.00\", -1200.5, 12); "
                + "whole pence; no exponent, spaces, currency sign or thousands separators. Income is negative.")
public record MoneyText(String text) {

    /** The money {@code given} says, for {@code field}; null (not given) is refused as missing. */
    static Money money(MoneyText given, String field) {
        return Money.parse(given == null ? null : given.text(), field);
    }

    static final class Reader extends ValueDeserializer<MoneyText> {
        @Override
        public MoneyText deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return new MoneyText(parser.getString());
            }
            return (MoneyText) context.handleUnexpectedToken(MoneyText.class, parser);
        }
    }
}
