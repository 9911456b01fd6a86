package io.firstpin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkUploadTests {

    private static final long MB = 1024 * 1024;
    private static final BulkUpload.Budget ROOMY = new BulkUpload.Budget(500, 50 * MB, 200 * MB);

    private static Map<String, byte[]> files(String... names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, ("file " + name).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** The files an upload of these parts takes in, read back before it is closed. */
    private static List<UploadedFile> uploaded(BulkUpload.Budget budget, Map<String, byte[]> parts) {
        try (BulkUpload upload = BulkUpload.open(budget)) {
            parts.forEach((name, bytes) -> upload.add(name, new ByteArrayInputStream(bytes)));
            return upload.files().stream().map(f -> new UploadedFile(f.name(), f.content())).toList();
        }
    }

    private static List<String> zipped(byte[] zip) {
        return uploaded(ROOMY, Map.of("history.zip", zip)).stream().map(UploadedFile::name).toList();
    }

    private static Consumer<InvalidInputException> code(String expected) {
        return e -> assertThat(e.problems().get(0).code()).isEqualTo(expected);
    }

    @Test
    void japaneseNamesFromAJapaneseWindowsAreReadAsCp932() {
        byte[] zip = ZipFiles.madeOnJapaneseWindows(files("2024年5月_勉強会①.csv", "髙橋さんの会～夏.csv"));

        assertThat(zipped(zip)).containsExactly("2024年5月_勉強会①.csv", "髙橋さんの会～夏.csv");
    }

    @Test
    void namesWithTheUtf8FlagAreReadAsUtf8() {
        byte[] zip = ZipFiles.withUtf8Names(files("履歴/第1回.csv", "event_42_participants.csv"));

        List<UploadedFile> read = uploaded(ROOMY, Map.of("history.zip", zip));

        assertThat(read).extracting(UploadedFile::name).containsExactly("履歴/第1回.csv", "event_42_participants.csv");
        assertThat(new String(read.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("file 履歴/第1回.csv");
    }

    @Test
    void foldersAndWhatMacosAddsAreSkipped() {
        byte[] zip = ZipFiles.withUtf8Names(files("history/", "history/a.csv", "__MACOSX/history/._a.csv",
                "history/.DS_Store", "history/._b.csv"));

        assertThat(zipped(zip)).containsExactly("history/a.csv");
    }

    @Test
    void aPathOutOfTheArchiveRefusesTheWholeZip() {
        assertThatThrownBy(() -> zipped(ZipFiles.climbingOutOfTheArchive()))
                .isInstanceOfSatisfying(InvalidInputException.class, code("history.zip.path"));
        assertThatThrownBy(() -> zipped(ZipFiles.withUtf8Names(files("/etc/passwd.csv"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFileNamedZipThatIsNoZipIsTakenAsAFileAndAnEmptyZipIsRefused() {
        assertThat(uploaded(ROOMY, Map.of("notes.zip", "a,b".getBytes(StandardCharsets.UTF_8))))
                .extracting(UploadedFile::name).containsExactly("notes.zip");
        assertThatThrownBy(() -> zipped(ZipFiles.withUtf8Names(files("only/"))))
                .isInstanceOfSatisfying(InvalidInputException.class, code("history.zip.empty"));
    }

    @Test
    void aZipBombStopsAtTheLimitOfOneFileOrOfTheWholeUpload() {
        byte[] bomb = ZipFiles.bomb(8);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> uploaded(new BulkUpload.Budget(10, 4 * MB, 100 * MB), Map.of("a.zip", bomb)))
                .isInstanceOfSatisfying(InvalidInputException.class, code("history.upload.file-too-large"));
        assertThatThrownBy(() -> uploaded(new BulkUpload.Budget(10, 100 * MB, 4 * MB), Map.of("a.zip", bomb)))
                .isInstanceOfSatisfying(InvalidInputException.class, code("history.upload.too-large"));
    }

    @Test
    void theBudgetIsForTheWholeRequestNotForEachZip() {
        byte[] bomb = ZipFiles.bomb(3);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            parts.put("part-" + i + ".zip", bomb);
        }
        BulkUpload.Budget tenMegabytes = new BulkUpload.Budget(100, 5 * MB, 10 * MB);

        assertThat(uploaded(tenMegabytes, Map.of("one.zip", bomb, "two.zip", bomb))).hasSize(2);
        assertThatThrownBy(() -> uploaded(tenMegabytes, parts))
                .isInstanceOfSatisfying(InvalidInputException.class, code("history.upload.too-large"));
    }

    @Test
    void tooManyFilesAreRefusedCountingTheFilesInZipsAndTheFilesBeside() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("a.zip", ZipFiles.withUtf8Names(files("a.csv", "b.csv")));
        parts.put("c.csv", "c".getBytes(StandardCharsets.UTF_8));

        assertThat(uploaded(new BulkUpload.Budget(3, 1024, 1024), parts)).hasSize(3);
        assertThatThrownBy(() -> uploaded(new BulkUpload.Budget(2, 1024, 1024), parts))
                .isInstanceOfSatisfying(InvalidInputException.class, code("history.upload.too-many"));
    }

    @Test
    void theFilesWaitOnDiskAndAreGoneOnceTheUploadIsClosed(@TempDir Path temporary) throws Exception {
        try (BulkUpload upload = BulkUpload.open(ROOMY, temporary)) {
            upload.add("a.csv", new ByteArrayInputStream("a,b".getBytes(StandardCharsets.UTF_8)));

            UploadedFile file = upload.files().get(0);
            assertThat(file.size()).isEqualTo(3);
            try (Stream<Path> spooled = Files.walk(temporary)) {
                assertThat(spooled.filter(Files::isRegularFile)).singleElement()
                        .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(file.content()));
            }
        }
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }
}
