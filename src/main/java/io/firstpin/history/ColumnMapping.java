package io.firstpin.history;

import io.firstpin.member.IdentityKind;
import io.firstpin.registration.RegistrationStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which column of a generic CSV holds what, by header name: the person's name (required), and optionally an email, a
 * user name on another site (an identity of {@code identityKind}), a status with what each of the file's values means
 * (confirmed, waitlisted or cancelled; without a status column everyone is confirmed), whether the person checked in
 * (the value meaning yes) and when, the frame and when they registered. Unmapped columns are questions.
 */
public record ColumnMapping(String name, String email, String identity, IdentityKind identityKind, String status,
        Map<String, RegistrationStatus> statusValues, String checkedIn, String checkedInYes, String checkedInAt,
        String frame, String registeredAt) {

    static final List<RegistrationStatus> STATUSES = List.of(RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED);

    public ColumnMapping {
        name = blankToNull(name);
        email = blankToNull(email);
        identity = blankToNull(identity);
        status = blankToNull(status);
        checkedIn = blankToNull(checkedIn);
        checkedInYes = blankToNull(checkedInYes);
        checkedInAt = blankToNull(checkedInAt);
        frame = blankToNull(frame);
        registeredAt = blankToNull(registeredAt);
        Map<String, RegistrationStatus> values = new LinkedHashMap<>();
        if (statusValues != null) {
            statusValues.forEach((value, meant) -> {
                if (value != null && meant != null) {
                    values.put(value.strip().toLowerCase(Locale.ROOT), meant);
                }
            });
        }
        statusValues = Map.copyOf(values);
        if (identity != null && identityKind == null) {
            identityKind = IdentityKind.CONNPASS;
        }
    }

    /**
     * Every problem of this mapping for a file with this header, by column: the name not mapped, a column the file
     * lacks, a column mapped twice, a status meaning other than confirmed, waitlisted or cancelled.
     */
    List<ImportProblem> problemsWith(List<String> header) {
        List<ImportProblem> problems = new ArrayList<>();
        if (name == null) {
            problems.add(ImportProblem.ofFile("history.generic.unmapped", "name"));
        }
        List<String> mapped = columns().toList();
        for (String column : mapped) {
            if (header.stream().noneMatch(h -> h.equalsIgnoreCase(column))) {
                problems.add(ImportProblem.ofCell(1, column, "history.column.missing", column));
            } else if (mapped.stream().filter(column::equalsIgnoreCase).count() > 1
                    && mapped.indexOf(column) == mapped.lastIndexOf(column)) {
                problems.add(ImportProblem.ofCell(1, column, "history.generic.mapped-twice", column));
            }
        }
        if (statusValues.values().stream().anyMatch(s -> !STATUSES.contains(s))) {
            problems.add(ImportProblem.ofFile("history.generic.status-meaning"));
        }
        if (checkedIn != null && checkedInYes == null) {
            problems.add(ImportProblem.ofFile("history.generic.unmapped", "checkedInYes"));
        }
        return problems;
    }

    /** The header columns this mapping uses, in a fixed order. */
    Stream<String> columns() {
        return Stream.of(name, email, identity, status, checkedIn, checkedInAt, frame, registeredAt)
                .filter(Objects::nonNull);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
