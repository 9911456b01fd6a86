package io.firstpin.history;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.RegistrationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Any participant list, read through the column mapping staff chose for it. A person is matched by the email, or else
 * by the user name on the site chosen; without either they become a member of their own, found again when the same
 * event is imported again by their name in it.
 */
final class GenericLayout extends ExportLayout {

    private final ColumnMapping mapping;

    GenericLayout(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    List<Column> required() {
        return mapping.name() == null ? List.of() : List.of(Column.named(mapping.name()));
    }

    @Override
    List<Column> known() {
        return mapping.columns().map(Column::named).toList();
    }

    @Override
    Column person() {
        return Column.named(mapping.email() != null ? mapping.email()
                : mapping.identity() != null ? mapping.identity() : mapping.name());
    }

    @Override
    ImportedRow row(Cells cells, List<String> answers) {
        String name = cells.requiredWithin(Column.named(mapping.name()), MAX_NAME);
        ImportedPerson person = person(cells, name);
        RegistrationStatus status = status(cells);
        boolean attended = false;
        if (mapping.checkedIn() != null) {
            attended = cells.text(Column.named(mapping.checkedIn())).equalsIgnoreCase(mapping.checkedInYes());
        }
        Optional<StatedTime> checkedInAt = mapping.checkedInAt() == null ? Optional.empty()
                : cells.time(Column.named(mapping.checkedInAt()));
        if (mapping.checkedIn() == null && checkedInAt.isPresent()) {
            attended = true;
        }
        Optional<StatedTime> registeredAt = mapping.registeredAt() == null ? Optional.empty()
                : cells.time(Column.named(mapping.registeredAt()));
        String frame = mapping.frame() == null ? "" : cells.text(Column.named(mapping.frame()));
        if (frame.length() > MAX_FRAME) {
            cells.problem(Column.named(mapping.frame()), "history.cell.too-long", MAX_FRAME);
        }
        if (cells.faulty() || person == null) {
            return null;
        }
        return new ImportedRow(cells.row(), frame.isEmpty() ? null : frame, person, status,
                registeredAt.orElse(null), attended, checkedInAt.orElse(null), answers);
    }

    private ImportedPerson person(Cells cells, String name) {
        if (mapping.email() != null) {
            String email = cells.text(Column.named(mapping.email()));
            if (!email.isEmpty()) {
                return identified(cells, mapping.email(), IdentityKind.EMAIL, email, name, "history.cell.email");
            }
        }
        if (mapping.identity() != null) {
            String user = cells.text(Column.named(mapping.identity()));
            if (!user.isEmpty()) {
                return identified(cells, mapping.identity(), mapping.identityKind(), user, name,
                        "history.cell.user-name");
            }
        }
        return name.isEmpty() ? null : ImportedPerson.unmatched(name, "generic:" + name.toLowerCase(Locale.ROOT));
    }

    private static ImportedPerson identified(Cells cells, String column, IdentityKind kind, String value, String name,
            String code) {
        try {
            kind.clean(value);
        } catch (InvalidInputException notOne) {
            cells.problem(Column.named(column), code, value);
            return null;
        }
        return ImportedPerson.known(name, new IdentityInput(kind, value));
    }

    private RegistrationStatus status(Cells cells) {
        if (mapping.status() == null) {
            return RegistrationStatus.CONFIRMED;
        }
        Column column = Column.named(mapping.status());
        String value = cells.required(column);
        RegistrationStatus status = mapping.statusValues().get(value.toLowerCase(Locale.ROOT));
        if (status == null && !value.isEmpty()) {
            List<String> known = new ArrayList<>(mapping.statusValues().keySet());
            cells.problem(column, "history.cell.status", value, String.join(", ", known));
        }
        return status;
    }
}
