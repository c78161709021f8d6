package org.waypoint.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest(name = "one-line field refuses {0}")
    @ValueSource(strings = {"Title\r\nBcc: x@example.com", "a\nb", "a\rb", "a\tb", "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b",
            "a\u2028b"})
    void oneLineFieldsRefuseLineBreaksAndControlCharactersNamingTheField(String value) {
        assertThatThrownBy(() -> Text.oneLine("title", value))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @ParameterizedTest(name = "multi-line text keeps {0}")
    @ValueSource(strings = {"line one\nline two", "a\r\nb", "a\tb", "café £100 – ①"})
    void multiLineTextKeepsLineBreaksAndTabs(String value) {
        assertThat(Text.multiLine("description", value)).isEqualTo(value);
    }

    @ParameterizedTest(name = "multi-line text refuses {0}")
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001bb"})
    void multiLineTextRefusesOtherControlCharacters(String value) {
        assertThatThrownBy(() -> Text.multiLine("description", value)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest(name = "flatten {0}")
    @ValueSource(strings = {"Overdue: x\r\nBcc: evil@example.com", "a\tb\u0000c"})
    void flattenedTextHasNoControlCharacterLeft(String value) {
        assertThat(Text.isOneLine(Text.flatten(value))).isTrue();
    }
}
