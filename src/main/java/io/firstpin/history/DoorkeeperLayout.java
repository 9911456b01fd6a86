package io.firstpin.history;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.RegistrationStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Doorkeeper's attendee list, in Japanese or English: チケット (ticket type, the frame), 名前, メールアドレス,
 * ステータス, 登録日時, チェックイン日時, then the questionnaire answers. A check-in time means the person came.
 */
final class DoorkeeperLayout extends ExportLayout {

    static final Column FRAME = Column.named("チケット", "チケット種別", "Ticket", "Ticket type");
    static final Column NAME = Column.named("名前", "氏名", "Name");
    static final Column EMAIL = Column.named("メールアドレス", "Email", "E-mail");
    static final Column STATUS = Column.named("ステータス", "参加状況", "Status");
    static final Column REGISTERED_AT = Column.named("登録日時", "申込日時", "Registered at", "Registration date");
    static final Column CHECKED_IN_AT = Column.named("チェックイン日時", "受付日時", "Checked in at", "Check-in time");

    private static final Map<String, RegistrationStatus> STATUSES = Map.ofEntries(
            Map.entry("参加", RegistrationStatus.CONFIRMED),
            Map.entry("参加確定", RegistrationStatus.CONFIRMED),
            Map.entry("attending", RegistrationStatus.CONFIRMED),
            Map.entry("registered", RegistrationStatus.CONFIRMED),
            Map.entry("キャンセル待ち", RegistrationStatus.WAITLISTED),
            Map.entry("補欠", RegistrationStatus.WAITLISTED),
            Map.entry("waitlisted", RegistrationStatus.WAITLISTED),
            Map.entry("キャンセル", RegistrationStatus.CANCELLED),
            Map.entry("キャンセル済み", RegistrationStatus.CANCELLED),
            Map.entry("cancelled", RegistrationStatus.CANCELLED),
            Map.entry("canceled", RegistrationStatus.CANCELLED));
    private static final String STATUS_NAMES = "参加, キャンセル待ち, キャンセル, attending, waitlisted, cancelled";

    @Override
    List<Column> required() {
        return List.of(NAME, EMAIL, STATUS);
    }

    @Override
    List<Column> known() {
        return List.of(FRAME, NAME, EMAIL, STATUS, REGISTERED_AT, CHECKED_IN_AT);
    }

    @Override
    Column person() {
        return EMAIL;
    }

    @Override
    ImportedRow row(Cells cells, List<String> answers) {
        String frame = cells.text(FRAME);
        if (frame.length() > MAX_FRAME) {
            cells.problem(FRAME, "history.cell.too-long", MAX_FRAME);
        }
        String name = cells.requiredWithin(NAME, MAX_NAME);
        String email = cells.required(EMAIL);
        if (!email.isEmpty()) {
            try {
                IdentityKind.EMAIL.clean(email);
            } catch (InvalidInputException notAnEmail) {
                cells.problem(EMAIL, "history.cell.email", email);
            }
        }
        String statusText = cells.required(STATUS);
        RegistrationStatus status = STATUSES.get(statusText.toLowerCase(Locale.ROOT));
        if (status == null && !statusText.isEmpty()) {
            cells.problem(STATUS, "history.cell.status", statusText, STATUS_NAMES);
        }
        Optional<StatedTime> registeredAt = cells.time(REGISTERED_AT);
        Optional<StatedTime> checkedInAt = cells.time(CHECKED_IN_AT);
        if (cells.faulty()) {
            return null;
        }
        return new ImportedRow(cells.row(), frame.isEmpty() ? null : frame,
                ImportedPerson.known(name, IdentityInput.email(email)), status, registeredAt.orElse(null),
                checkedInAt.isPresent(), checkedInAt.orElse(null), answers);
    }
}
