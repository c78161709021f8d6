package org.waypoint.plan.common.persistence;

import org.waypoint.platform.validation.Text;

/**
 * Text read back from the store made to pass today's text rules, for documents written before them
 * (issue 16): a control character in a one-line field becomes a space ({@link Text#flatten}); in
 * multi-line text every control character but line breaks and tabs does. Nothing stored is changed.
 */
public final class StoredText {

    private StoredText() {
    }

    public static String oneLine(String value) {
        return Text.isOneLine(value) ? value : Text.flatten(value);
    }

    public static String multiLine(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean kept = c == '\n' || c == '\r' || c == '\t' || Text.isOneLine(String.valueOf(c));
            out.append(kept ? c : ' ');
        }
        return out.toString();
    }
}
