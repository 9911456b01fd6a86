package io.firstpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvAttachmentTests {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+81-3", "-2+3", "@SUM(A1)", "\tcmd", "\r=1", "＝１＋１", "＋81", "－1＋1", "＠SUM(A1)",
            "−1", "  =1+1", "　＝HYPERLINK(\"http://example.com\")"})
    void aCellThatASpreadsheetWouldRunAsAFormulaIsKeptAsText(String typed) {
        assertThat(CsvAttachment.cell(typed)).isEqualTo("'" + typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"田中 太郎", "taro@example.com", "1+1=2", "JAWS-UG", ""})
    void ordinaryTextIsLeftAlone(String typed) {
        assertThat(CsvAttachment.cell(typed)).isEqualTo(typed);
    }
}
