package io.firstpin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZipArchiveTests {

    private static Map<String, byte[]> files(String... names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, ("file " + name).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static List<String> names(List<UploadedFile> files) {
        return files.stream().map(UploadedFile::name).toList();
    }

    @Test
    void japaneseNamesFromAJapaneseWindowsAreReadAsCp932() {
        byte[] zip = ZipFiles.madeOnJapaneseWindows(files("2024年5月_勉強会①.csv", "髙橋さんの会～夏.csv"));

        assertThat(names(ZipArchive.files(zip))).containsExactly("2024年5月_勉強会①.csv", "髙橋さんの会～夏.csv");
    }

    @Test
    void namesWithTheUtf8FlagAreReadAsUtf8() {
        byte[] zip = ZipFiles.withUtf8Names(files("履歴/第1回.csv", "event_42_participants.csv"));

        List<UploadedFile> read = ZipArchive.files(zip);

        assertThat(names(read)).containsExactly("履歴/第1回.csv", "event_42_participants.csv");
        assertThat(new String(read.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("file 履歴/第1回.csv");
    }

    @Test
    void foldersAndWhatMacosAddsAreSkipped() {
        byte[] zip = ZipFiles.withUtf8Names(files("history/", "history/a.csv", "__MACOSX/history/._a.csv",
                "history/.DS_Store", "history/._b.csv"));

        assertThat(names(ZipArchive.files(zip))).containsExactly("history/a.csv");
    }

    @Test
    void aPathOutOfTheArchiveRefusesTheWholeZip() {
        assertThatThrownBy(() -> ZipArchive.files(ZipFiles.climbingOutOfTheArchive()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("history.zip.path"));
        assertThatThrownBy(() -> ZipArchive.files(ZipFiles.withUtf8Names(files("/etc/passwd.csv"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aZipBombStopsAtTheLimitInsteadOfFillingTheMemory() {
        byte[] bomb = ZipFiles.bomb(8);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> ZipArchive.files(bomb, 10, 4L * 1024 * 1024, 100L * 1024 * 1024))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("history.zip.file-too-large"));
        assertThatThrownBy(() -> ZipArchive.files(bomb, 10, 100L * 1024 * 1024, 4L * 1024 * 1024))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("history.zip.too-large"));
    }

    @Test
    void tooManyFilesAreRefused() {
        assertThatThrownBy(() -> ZipArchive.files(ZipFiles.withUtf8Names(files("a.csv", "b.csv", "c.csv")), 2,
                1024, 1024))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("history.zip.too-many"));
    }

    @Test
    void somethingThatIsNoZipOrAnEmptyZipIsRefused() {
        assertThatThrownBy(() -> ZipArchive.files(ExportFiles.spreadsheetInsteadOfCsv()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ZipArchive.files(ZipFiles.withUtf8Names(files("only/"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("history.zip.empty"));
    }
}
