package io.firstpin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextTests {

    @Test
    void aByteOrderMarkSaysUtf8AndIsNotPartOfTheText() {
        DecodedText decoded = DecodedText.decode(ExportFiles.connpassStudySession());

        assertThat(decoded.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(decoded.text()).startsWith("\"参加枠名\"");
    }

    @Test
    void utf8WithoutByteOrderMarkIsRecognised() {
        DecodedText decoded = DecodedText.decode(ExportFiles.connpassOldExport());

        assertThat(decoded.encoding()).isEqualTo("UTF-8");
        assertThat(decoded.text()).startsWith("参加枠名,ユーザー名");
    }

    @Test
    void shiftJisIsReadAsCp932SoWindowsOnlyCharactersSurvive() {
        DecodedText decoded = DecodedText.decode(ExportFiles.connpassSavedByExcel());

        assertThat(decoded.encoding()).isEqualTo("Shift_JIS (CP932)");
        assertThat(decoded.text()).contains("髙橋 ① 太郎", "よろしく～", "渡邊 花子");
    }

    @Test
    void eucJpIsRecognisedToo() {
        byte[] bytes = "参加枠名,ユーザー名,表示名,参加ステータス\n一般枠,taro,山田 太郎 と 佐藤 花子 の 勉強会,参加\n"
                .getBytes(Charset.forName("EUC-JP"));

        DecodedText decoded = DecodedText.decode(bytes);

        assertThat(decoded.encoding()).isEqualTo("EUC-JP");
        assertThat(decoded.text()).contains("山田 太郎");
    }

    @Test
    void plainAsciiIsUtf8() {
        assertThat(DecodedText.decode("Name,RSVP\nAlice,Yes\n".getBytes(StandardCharsets.US_ASCII)).encoding())
                .isEqualTo("UTF-8");
    }

    @Test
    void anEmptyFileOrABinaryOneIsRefusedAsAWhole() {
        assertThatThrownBy(() -> DecodedText.decode(new byte[0]))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .containsExactly(new ImportProblem(null, null, "history.file.empty", java.util.List.of())));
        assertThatThrownBy(() -> DecodedText.decode(ExportFiles.spreadsheetInsteadOfCsv()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::code).containsExactly("history.file.not-csv"));
    }
}
