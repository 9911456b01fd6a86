package io.firstpin.history.web;

import io.firstpin.history.ColumnMapping;
import io.firstpin.member.IdentityKind;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.RegistrationStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A column mapping as the API and the page give it: header names, the identity kind and the status meanings in lower
 * case ({@code connpass}; {@code confirmed}, {@code waitlisted}, {@code cancelled}).
 */
record MappingRequest(String name, String email, String identity, String identityKind, String status,
        Map<String, String> statusValues, String checkedIn, String checkedInYes, String checkedInAt, String frame,
        String registeredAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<RegistrationStatus> MEANINGS = List.of(RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED);

    /** The mapping in the JSON, or null when none is given. */
    static ColumnMapping parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            MappingRequest request = JSON.readValue(json, MappingRequest.class);
            if (request == null) {
                throw InvalidInputException.of("mapping", "history.generic.mapping-json");
            }
            return request.mapping();
        } catch (JacksonException unreadable) {
            throw InvalidInputException.of("mapping", "history.generic.mapping-json");
        }
    }

    ColumnMapping mapping() {
        Map<String, RegistrationStatus> meanings = new LinkedHashMap<>();
        if (statusValues != null) {
            statusValues.forEach((value, meant) -> {
                if (meant == null || meant.isBlank()) {
                    return;
                }
                RegistrationStatus status = MEANINGS.stream()
                        .filter(s -> s.name().equalsIgnoreCase(meant.strip())).findFirst()
                        .orElseThrow(() -> InvalidInputException.of("mapping.statusValues",
                                "history.generic.status-meaning"));
                meanings.put(value, status);
            });
        }
        IdentityKind kind = null;
        if (identityKind != null && !identityKind.isBlank()) {
            try {
                kind = IdentityKind.valueOf(identityKind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw InvalidInputException.of("mapping.identityKind", "history.generic.identity-kind");
            }
        }
        return new ColumnMapping(name, email, identity, kind, status, meanings, checkedIn, checkedInYes,
                checkedInAt, frame, registeredAt);
    }
}
