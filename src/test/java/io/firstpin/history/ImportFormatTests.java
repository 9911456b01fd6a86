package io.firstpin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.registration.RegistrationStatus;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFormatTests {

    @Test
    void aConnpassExportGivesEveryRowWithStatusAttendanceAndQuestionnaireAnswers() {
        ImportedFile file = ImportFormat.CONNPASS.read(ExportFiles.connpassStudySession());

        assertThat(file.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(file.questions()).containsExactly("懇親会に参加しますか？", "LT で話したいこと");
        assertThat(file.frames()).containsExactly("一般枠", "LT枠");
        assertThat(file.rows()).extracting(ImportedRow::row, r -> r.person().displayName(), ImportedRow::status,
                        ImportedRow::attended)
                .containsExactly(
                        tuple(2, "博多 花子", RegistrationStatus.CONFIRMED, true),
                        tuple(3, "山田 太郎", RegistrationStatus.CONFIRMED, false),
                        tuple(4, "佐藤 次郎", RegistrationStatus.CONFIRMED, true),
                        tuple(5, "(退会ユーザー)", RegistrationStatus.CONFIRMED, true),
                        tuple(6, "(退会ユーザー)", RegistrationStatus.CANCELLED, false),
                        tuple(7, "補欠 一郎", RegistrationStatus.WAITLISTED, false),
                        tuple(8, "補欠 二郎", RegistrationStatus.WAITLISTED, false),
                        tuple(9, "取消 健", RegistrationStatus.CANCELLED, false));
    }

    @Test
    void rowNumbersCountAQuestionnaireAnswerWithLineBreaksAsOneRow() {
        ImportedRow hanako = ImportFormat.CONNPASS.read(ExportFiles.connpassStudySession()).rows().get(0);

        assertThat(hanako.answers()).containsExactly("参加する", "Lambda の\nコールドスタート対策, 実測つき");
        assertThat(hanako.checkedInAtIfStated()).get().extracting(StatedTime::local)
                .isEqualTo(LocalDateTime.of(2024, 5, 10, 19, 2, 11));
        assertThat(hanako.person().identity()).isEqualTo(IdentityInput.connpass("hanako_h"));
    }

    @Test
    void withdrawnUsersAreNeverMatchedAndToldApartByTheirReceiptNumber() {
        List<ImportedRow> withdrawn = ImportFormat.CONNPASS.read(ExportFiles.connpassStudySession()).rows().stream()
                .filter(r -> r.person().matchedBy().isEmpty())
                .toList();

        assertThat(withdrawn).extracting(r -> r.person().key())
                .containsExactly("connpass-withdrawn:receipt 1004", "connpass-withdrawn:receipt 1005");
    }

    @Test
    void anOlderConnpassExportWithoutItsNewerColumnsIsRead() {
        ImportedFile file = ImportFormat.CONNPASS.read(ExportFiles.connpassOldExport());

        assertThat(file.questions()).isEmpty();
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).checkedInAtIfStated()).get().extracting(StatedTime::local)
                .isEqualTo(LocalDateTime.of(2019, 6, 14, 19, 5));
    }

    @Test
    void aConnpassExportSavedByExcelInShiftJisIsRead() {
        ImportedFile file = ImportFormat.CONNPASS.read(ExportFiles.connpassSavedByExcel());

        assertThat(file.encoding()).isEqualTo("Shift_JIS (CP932)");
        assertThat(file.rows()).extracting(r -> r.person().displayName(), ImportedRow::status)
                .containsExactly(tuple("髙橋 ① 太郎", RegistrationStatus.CONFIRMED),
                        tuple("渡邊 花子", RegistrationStatus.WAITLISTED));
    }

    @Test
    void aDoorkeeperExportMatchesPeopleByEmailAndTakesACheckInTimeAsAttendance() {
        ImportedFile file = ImportFormat.DOORKEEPER.read(ExportFiles.doorkeeperAttendees());

        assertThat(file.questions()).containsExactly("所属");
        assertThat(file.rows()).extracting(r -> r.person().identity(), ImportedRow::status, ImportedRow::attended)
                .containsExactly(
                        tuple(IdentityInput.email("ichiro@example.com"), RegistrationStatus.CONFIRMED, true),
                        tuple(IdentityInput.email("hanako.tanaka@example.com"), RegistrationStatus.CONFIRMED, false),
                        tuple(IdentityInput.email("saburo@example.com"), RegistrationStatus.WAITLISTED, false));
        assertThat(file.rows().get(2).answers()).containsExactly("フリーランス, 個人");
    }

    @Test
    void aMeetupExportMapsRsvpsAndAttendance() {
        ImportedFile file = ImportFormat.MEETUP.read(ExportFiles.meetupAttendees());

        assertThat(file.questions()).containsExactly("What would you like to learn?");
        assertThat(file.frames()).isEmpty();
        assertThat(file.rows()).extracting(r -> r.person().key(), ImportedRow::status, ImportedRow::attended)
                .containsExactly(
                        tuple("MEETUP:201", RegistrationStatus.CONFIRMED, true),
                        tuple("MEETUP:202", RegistrationStatus.CONFIRMED, false),
                        tuple("MEETUP:203", RegistrationStatus.WAITLISTED, false),
                        tuple("MEETUP:204", RegistrationStatus.CANCELLED, false));
        assertThat(file.rows().get(0).person().matchedBy()).contains(new IdentityInput(IdentityKind.MEETUP, "201"));
        assertThat(file.rows().get(0).answers()).containsExactly("Serverless,\nand cost control");
    }

    @Test
    void everyBrokenCellIsReportedByRowAndColumnAtOnce() {
        assertThatThrownBy(() -> ImportFormat.CONNPASS.read(ExportFiles.connpassWithBrokenCells()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> {
                    assertThat(e.encoding()).contains("UTF-8");
                    assertThat(e.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                            .containsExactly(
                                    tuple(3, "参加ステータス", "history.cell.status"),
                                    tuple(4, "ユーザー名", "history.cell.user-name"),
                                    tuple(4, "出席日時", "history.cell.date"),
                                    tuple(5, "参加枠名", "history.cell.required"),
                                    tuple(5, "出欠ステータス", "history.cell.attendance"),
                                    tuple(6, "ユーザー名", "history.cell.listed-twice"));
                });
    }

    @Test
    void missingColumnsAreReportedOnTheHeaderRow() {
        assertThatThrownBy(() -> ImportFormat.CONNPASS.read(ExportFiles.connpassWithoutUserNameAndStatus()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                        .containsExactly(tuple(1, "ユーザー名", "history.column.missing"),
                                tuple(1, "参加ステータス", "history.column.missing")));
    }

    @Test
    void aFileOfAnotherSiteIsMissingThisSitesColumns() {
        assertThatThrownBy(() -> ImportFormat.MEETUP.read(ExportFiles.connpassStudySession()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::column).containsExactly("Name", "User ID", "RSVP"));
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsReported() {
        byte[] shifted = "Name,User ID,RSVP\nAlice,user 1,Yes\nBob,user 2,Yes,extra\n".getBytes();

        assertThatThrownBy(() -> ImportFormat.MEETUP.read(shifted))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .containsExactly(ImportProblem.ofRow(3, "history.row.width", 4, 3)));
    }

    @Test
    void aHeaderWithoutRowsIsNothingToImport() {
        assertThatThrownBy(() -> ImportFormat.MEETUP.read("Name,User ID,RSVP\r\n\r\n".getBytes()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::code).containsExactly("history.file.no-rows"));
    }

    @Test
    void formatsAreNamedInLowerCase() {
        assertThat(ImportFormat.fromName(" Connpass ")).contains(ImportFormat.CONNPASS);
        assertThat(ImportFormat.fromName("excel")).isEmpty();
        assertThat(ImportFormat.DOORKEEPER.apiName()).isEqualTo("doorkeeper");
    }
}
