package io.firstpin.history;

import io.firstpin.registration.RegistrationStatus;
import java.util.List;
import java.util.Optional;

/**
 * One checked row of an export: a registration for a frame with its status, and whether and when the person checked
 * in. {@code answers} line up with the file's questions, a blank answer as an empty string.
 */
public record ImportedRow(int row, String frame, ImportedPerson person, RegistrationStatus status,
        StatedTime registeredAt, boolean attended, StatedTime checkedInAt, List<String> answers) {

    public ImportedRow {
        answers = List.copyOf(answers);
    }

    public Optional<StatedTime> registeredAtIfStated() {
        return Optional.ofNullable(registeredAt);
    }

    public Optional<StatedTime> checkedInAtIfStated() {
        return Optional.ofNullable(checkedInAt);
    }
}
