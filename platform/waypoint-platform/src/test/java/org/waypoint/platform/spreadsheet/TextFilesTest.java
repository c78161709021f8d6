package org.waypoint.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.waypoint.platform.validation.InvalidInputException;

class TextFilesTest {

    @Test
    void windows1252BytesAreDecodedAsTheirCharacters() {
        byte[] bytes = "Title\ncafé £100".getBytes(TextFiles.WINDOWS_1252);

        assertThat(TextFiles.decode(bytes, "file")).isEqualTo("Title\ncafé £100");
    }

    @Test
    void utf8WithOrWithoutAByteOrderMarkIsDecodedAsUtf8() {
        byte[] plain = "café £100".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[plain.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, marked, 3, plain.length);

        assertThat(TextFiles.decode(plain, "file")).isEqualTo("café £100");
        assertThat(TextFiles.decode(marked, "file")).isEqualTo("café £100");
    }

    @Test
    void utf16WithItsMarkIsDecoded() {
        byte[] bytes = "\uFEFFcafé £100".getBytes(StandardCharsets.UTF_16LE);

        assertThat(TextFiles.decode(bytes, "file")).isEqualTo("café £100");
    }

    @Test
    void bytesThatAreNeitherAreRefusedSayingHowToSaveTheFile() {
        byte[] bytes = {'a', (byte) 0x81, 'b', (byte) 0xC3};

        assertThatThrownBy(() -> TextFiles.decode(bytes, "file"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CSV UTF-8");
    }
}
