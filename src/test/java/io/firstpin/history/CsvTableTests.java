package io.firstpin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.history.CsvTable.CsvRow;
import org.junit.jupiter.api.Test;

class CsvTableTests {

    @Test
    void quotedValuesKeepTheirCommasAndLineBreaksAndTheRowNumbersFollowTheSpreadsheet() {
        CsvTable table = CsvTable.parse("name,answer\r\nA,\"one, two\"\r\nB,\"first line\r\nsecond line\"\r\nC,x\r\n");

        assertThat(table.header()).containsExactly("name", "answer");
        assertThat(table.rows()).extracting(CsvRow::row).containsExactly(2, 3, 4);
        assertThat(table.rows().get(0).value(1)).isEqualTo("one, two");
        assertThat(table.rows().get(1).value(1)).isEqualTo("first line\nsecond line");
        assertThat(table.rows().get(2).value(0)).isEqualTo("C");
    }

    @Test
    void lineFeedsAloneWorkAndBlankLinesAtTheEndAreDropped() {
        CsvTable table = CsvTable.parse("\uFEFFname,answer\nA,1\nB,2\n\n\n");

        assertThat(table.header()).containsExactly("name", "answer");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(1).value(1)).isEqualTo("2");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheRowWhereItOpens() {
        assertThatThrownBy(() -> CsvTable.parse(new DecodedText(new String(ExportFiles.connpassWithUnclosedQuote(),
                java.nio.charset.StandardCharsets.UTF_8), "UTF-8").text()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .containsExactly(ImportProblem.ofRow(3, "history.csv.unclosed-quote")));
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsRow() {
        assertThatThrownBy(() -> CsvTable.parse("a,b\n1,2\n\"3\"x,4\n"))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .containsExactly(ImportProblem.ofRow(3, "history.csv.malformed")));
    }

    @Test
    void aFileOfBlankLinesHasNoHeader() {
        assertThatThrownBy(() -> CsvTable.parse("\n\n"))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::code).containsExactly("history.file.empty"));
    }
}
