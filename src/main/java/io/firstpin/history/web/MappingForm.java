package io.firstpin.history.web;

import io.firstpin.history.ColumnMapping;
import io.firstpin.registration.RegistrationStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mapping step of a generic CSV as the page posts it: a header name per meaning (blank for none), and the file's
 * status values meaning confirmed, waitlisted and cancelled, comma-separated.
 */
public record MappingForm(String name, String email, String identity, String identityKind, String status,
        String confirmedValues, String waitlistedValues, String cancelledValues, String checkedIn, String checkedInYes,
        String checkedInAt, String frame, String registeredAt) {

    static final List<String> IDENTITY_KINDS = List.of("connpass", "x", "bluesky", "github");
    static final List<Meaning> MEANINGS = List.of(new Meaning("name", "history.mapping.name"),
            new Meaning("email", "history.mapping.email"), new Meaning("identity", "history.mapping.identity"),
            new Meaning("status", "history.mapping.status"), new Meaning("checkedIn", "history.mapping.checked-in"),
            new Meaning("checkedInAt", "history.mapping.checked-in-at"), new Meaning("frame", "history.mapping.frame"),
            new Meaning("registeredAt", "history.mapping.registered-at"));

    /** One column choice of the form: its parameter and the label's message key. */
    public record Meaning(String field, String label) {
    }

    /** The column chosen for a meaning, by its parameter name. */
    public String chosen(String param) {
        return switch (param) {
            case "name" -> name;
            case "email" -> email;
            case "identity" -> identity;
            case "status" -> status;
            case "checkedIn" -> checkedIn;
            case "checkedInAt" -> checkedInAt;
            case "frame" -> frame;
            case "registeredAt" -> registeredAt;
            default -> null;
        };
    }

    /** The remembered mapping, as the form shows it. */
    static MappingForm of(ColumnMapping mapping) {
        return new MappingForm(mapping.name(), mapping.email(), mapping.identity(),
                mapping.identityKind() == null ? "connpass" : mapping.identityKind().name().toLowerCase(Locale.ROOT),
                mapping.status(), values(mapping, RegistrationStatus.CONFIRMED),
                values(mapping, RegistrationStatus.WAITLISTED), values(mapping, RegistrationStatus.CANCELLED),
                mapping.checkedIn(), mapping.checkedInYes(), mapping.checkedInAt(), mapping.frame(),
                mapping.registeredAt());
    }

    /** A first guess from the header's names, for a header seen for the first time. */
    static MappingForm guess(List<String> header) {
        return new MappingForm(find(header, "名前", "氏名", "表示名", "name"), find(header, "メール", "mail"),
                null, "connpass", find(header, "ステータス", "状態", "status"), "参加, confirmed, yes",
                "補欠, キャンセル待ち, waitlisted, waitlist", "キャンセル, cancelled, no", null, "出席", null, null,
                null);
    }

    ColumnMapping mapping() {
        Map<String, String> meanings = new LinkedHashMap<>();
        split(confirmedValues).forEach(v -> meanings.put(v, "confirmed"));
        split(waitlistedValues).forEach(v -> meanings.put(v, "waitlisted"));
        split(cancelledValues).forEach(v -> meanings.put(v, "cancelled"));
        return new MappingRequest(name, email, identity, identityKind, status, meanings, checkedIn, checkedInYes,
                checkedInAt, frame, registeredAt).mapping();
    }

    private static List<String> split(String values) {
        return values == null ? List.of() : Arrays.stream(values.split("[,、]"))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String values(ColumnMapping mapping, RegistrationStatus meant) {
        return mapping.statusValues().entrySet().stream().filter(e -> e.getValue() == meant).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    private static String find(List<String> header, String... hints) {
        for (String hint : hints) {
            for (String column : header) {
                if (column.toLowerCase(Locale.ROOT).contains(hint)) {
                    return column;
                }
            }
        }
        return null;
    }
}
