package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;

/**
 * An event series of a community (連番の勉強会), e.g. "Kotlin勉強会" numbered "Vol.{n}": its events carry a number,
 * shown as Vol.12. {@code numbering} holds {@code {n}} once, where the number goes ("Vol.{n}", "#{n}", "第{n}回").
 */
public record Series(Long id, long organizationId, long communityId, String name, String numbering,
        Instant createdAt) {

    public static final String NUMBER = "{n}";

    public Series {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "event.series.name-required");
        }
        if (name.strip().length() > 200) {
            throw InvalidInputException.of("name", "validation.too-long", 200);
        }
        numbering = numbering == null || numbering.isBlank() ? "#" + NUMBER : numbering.strip();
        if (numbering.length() > 30 || numbering.indexOf(NUMBER) < 0
                || numbering.indexOf(NUMBER) != numbering.lastIndexOf(NUMBER)) {
            throw InvalidInputException.of("numbering", "event.series.numbering");
        }
        name = name.strip();
    }

    /** The number as the series writes it: 12 → "Vol.12". */
    public String label(int number) {
        return numbering.replace(NUMBER, Integer.toString(number));
    }
}
