package io.firstpin.history;

import io.firstpin.registration.RegistrationStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** A file checked completely and found importable: its questionnaire columns and its rows in file order. */
public record ImportedFile(String encoding, List<String> questions, List<ImportedRow> rows) {

    public ImportedFile {
        questions = List.copyOf(questions);
        rows = List.copyOf(rows);
    }

    /** The frames the rows name, in the order they first appear; a row without one goes to the event's first frame. */
    public List<String> frames() {
        return List.copyOf(new LinkedHashSet<>(rows.stream()
                .map(ImportedRow::frame)
                .filter(Objects::nonNull)
                .toList()));
    }

    public long attendances() {
        return rows.stream().filter(ImportedRow::attended).count();
    }

    public long withStatus(RegistrationStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
