package org.waypoint.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTablesTest {

    @ParameterizedTest(name = "{0} is written as text, not a formula")
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|'/C calc'!A0", "-2+3",
            "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "  =1+1", "\uFF1D1+1"})
    void everyDangerousLeadingCharacterIsNeutralisedInTheWrittenFile(String dangerous) throws Exception {
        byte[] csv = CsvTables.write(List.of("Title", "=Header"), List.of(List.of(dangerous, "ok")));

        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        assertThat(records.get(0).get(1)).isEqualTo("'=Header");
        String cell = records.get(1).get(0);
        assertThat(cell).isEqualTo("'" + dangerous);
        assertThat(cell.charAt(0)).isEqualTo('\'');
    }

    @ParameterizedTest(name = "{0} stays {0}")
    @CsvSource(delimiter = '|', value = {"-1200.50|-1200.50", "+5|+5", "18383000.00|18383000.00", "Safe and Protected|Safe and Protected",
            "a = b|a = b", "e-mail|e-mail"})
    void numbersAndOrdinaryTextAreLeftAsTheyAre(String cell, String expected) {
        assertThat(CsvTables.neutralise(cell)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is not a number and is neutralised")
    @ValueSource(strings = {"-1+1", "-A1", "+A1*2", "-", "@"})
    void signedTextThatIsNotAPlainNumberIsNeutralised(String cell) {
        assertThat(CsvTables.neutralise(cell)).startsWith("'");
    }

    @ParameterizedTest(name = "text {0}")
    @ValueSource(strings = {"+1", "-5", "-1200.50", "=1+1", "@x", "\t=1"})
    void aTextCellThatLooksLikeASignedNumberOrAFormulaOpensAsTyped(String cell) {
        assertThat(CsvTables.text(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest(name = "round trip {0}")
    @ValueSource(strings = {"+1", "=cmd|' /C calc'!A0", "'quoted already", "plain", "-1200.50", "'"})
    void whatAnExportNeutralisedIsReadBackAsTyped(String cell) {
        assertThat(CsvTables.fromExport(CsvTables.text(cell))).isEqualTo(cell);
        assertThat(CsvTables.fromExport(CsvTables.neutralise(cell))).isEqualTo(cell);
    }
}
