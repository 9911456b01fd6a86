package io.firstpin.history;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.RegistrationStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The participant list connpass gives an event's organizer ({@code event_<id>_participants.csv}): 参加枠名, ユーザー名,
 * 表示名, 利用開始日 (missing in older exports), コメント, 参加ステータス, 出欠ステータス, 出席日時, one column per
 * questionnaire question, 更新日時, 受付番号. A withdrawn user is listed as (退会ユーザー): their row counts, but they are
 * never matched to anyone.
 */
final class ConnpassLayout extends ExportLayout {

    static final Column FRAME = Column.named("参加枠名");
    static final Column USER = Column.named("ユーザー名");
    static final Column NAME = Column.named("表示名");
    static final Column SINCE = Column.named("利用開始日");
    static final Column COMMENT = Column.named("コメント");
    static final Column STATUS = Column.named("参加ステータス");
    static final Column ATTENDANCE = Column.named("出欠ステータス");
    static final Column CHECKED_IN_AT = Column.named("出席日時");
    static final Column UPDATED_AT = Column.named("更新日時");
    static final Column RECEIPT = Column.named("受付番号");

    static final String WITHDRAWN = "(退会ユーザー)";
    private static final Set<String> WITHDRAWN_SPELLINGS = Set.of(WITHDRAWN, "（退会ユーザー）");
    private static final Map<String, RegistrationStatus> STATUSES = Map.of(
            "参加", RegistrationStatus.CONFIRMED,
            "補欠", RegistrationStatus.WAITLISTED,
            "キャンセル", RegistrationStatus.CANCELLED,
            "抽選待ち", RegistrationStatus.APPLIED,
            "落選", RegistrationStatus.LOST);
    private static final String STATUS_NAMES = "参加, 補欠, キャンセル, 抽選待ち, 落選";

    @Override
    List<Column> required() {
        return List.of(FRAME, USER, NAME, STATUS);
    }

    @Override
    List<Column> known() {
        return List.of(FRAME, USER, NAME, SINCE, COMMENT, STATUS, ATTENDANCE, CHECKED_IN_AT, UPDATED_AT, RECEIPT);
    }

    @Override
    Column person() {
        return USER;
    }

    @Override
    ImportedRow row(Cells cells, List<String> answers) {
        String frame = cells.requiredWithin(FRAME, MAX_FRAME);
        ImportedPerson person = person(cells);
        RegistrationStatus status = status(cells);
        boolean attended = attended(cells);
        Optional<StatedTime> checkedInAt = cells.time(CHECKED_IN_AT);
        Optional<StatedTime> updatedAt = cells.time(UPDATED_AT);
        if (cells.faulty()) {
            return null;
        }
        return new ImportedRow(cells.row(), frame, person, status, updatedAt.orElse(null), attended,
                checkedInAt.orElse(null), answers);
    }

    private static ImportedPerson person(Cells cells) {
        String user = cells.required(USER);
        String name = cells.text(NAME);
        if (WITHDRAWN_SPELLINGS.contains(user) || WITHDRAWN_SPELLINGS.contains(name)) {
            String receipt = cells.text(RECEIPT);
            // the receipt number is stable across exports of the event; the row is the best an old export offers
            return ImportedPerson.unmatched(WITHDRAWN, "connpass-withdrawn:"
                    + (receipt.isEmpty() ? "row " + cells.row() : "receipt " + receipt));
        }
        if (user.isEmpty()) {
            return null;
        }
        try {
            IdentityKind.CONNPASS.clean(user);
        } catch (InvalidInputException notAUserName) {
            cells.problem(USER, "history.cell.user-name", user);
            return null;
        }
        if (name.length() > MAX_NAME) {
            cells.problem(NAME, "history.cell.too-long", MAX_NAME);
        }
        return ImportedPerson.known(name.isEmpty() ? user : name, IdentityInput.connpass(user));
    }

    private static RegistrationStatus status(Cells cells) {
        String value = cells.required(STATUS);
        RegistrationStatus status = STATUSES.get(value);
        if (status == null && !value.isEmpty()) {
            cells.problem(STATUS, "history.cell.status", value, STATUS_NAMES);
        }
        return status;
    }

    private static boolean attended(Cells cells) {
        String value = cells.text(ATTENDANCE);
        if (value.equals("出席")) {
            return true;
        }
        if (!value.isEmpty() && !value.equals("欠席")) {
            cells.problem(ATTENDANCE, "history.cell.attendance", value, "出席, 欠席");
        }
        return false;
    }
}
