package org.waypoint.platform.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * Uploaded text (CSV, TSV, pasted tables) decoded as what it is: UTF-8 with or without a byte-order
 * mark, UTF-16 with its mark, or, when the bytes are not valid UTF-8, Windows-1252 (what Excel on a
 * UK Windows machine saves as "CSV"), so that {@code café £100} is stored as typed, never garbled.
 */
public final class TextFiles {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFiles() {
    }

    /** The text of {@code bytes}; {@code field} is named if they cannot be text at all. */
    public static String decode(byte[] bytes, String field) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8, field);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, field);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, field);
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return decoder(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException neither) {
                throw new InvalidInputException(field, "is neither UTF-8 nor Windows-1252 text: save it as \"CSV UTF-8\" and try again");
            }
        }
    }

    private static String strict(byte[] bytes, int skip, Charset charset, String field) {
        try {
            CharBuffer chars = decoder(charset).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "is not valid " + charset.name() + " text although it starts with its byte-order mark: "
                    + "save it as \"CSV UTF-8\" and try again");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
