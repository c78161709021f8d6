package org.waypoint.platform.validation;

/**
 * The rule every text field follows, in every service: no control characters anywhere (a tab, CR and
 * LF only in multi-line text such as descriptions and commentary), so that nothing typed into a
 * title, name or code can cut an email subject, forge a mail header or a CSV row. Commands and
 * domain records call these for each of their text fields; a breach is a 400 naming the field.
 */
public final class Text {

    private Text() {
    }

    /** A one-line field (title, name, code, reference, username, email): no control character at all. */
    public static String oneLine(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                throw new InvalidInputException(field, c == '\n' || c == '\r'
                        ? "must be one line (no line breaks)"
                        : "must not contain control characters");
            }
        }
        return value;
    }

    /** Multi-line text (description, commentary, reason): line breaks and tabs allowed, other control characters not. */
    public static String multiLine(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, "must not contain control characters");
            }
        }
        return value;
    }

    /** True when {@code value} has no control character (what {@link #oneLine} accepts). */
    public static boolean isOneLine(String value) {
        return value == null || value.chars().noneMatch(c -> isControl((char) c));
    }

    /**
     * {@code value} made safe for one line of a mail header or a log line: every control character
     * (CR and LF included) becomes a space. For data stored before the rule, or from elsewhere.
     */
    public static String flatten(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(isControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
    }
}
