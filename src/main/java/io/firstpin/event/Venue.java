package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.geo.Prefecture;

/** Where an offline event takes place. The prefecture is required: footprint KPIs count prefectures and cities. */
public record Venue(String name, String address, Prefecture prefecture, String city) {

    public Venue {
        if (prefecture == null) {
            throw InvalidInputException.of("venue.prefecture", "validation.prefecture");
        }
        name = blankToNull(name, "venue.name", 200);
        address = blankToNull(address, "venue.address", 500);
        city = blankToNull(city, "venue.city", 100);
    }

    private static String blankToNull(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw InvalidInputException.of(field, "validation.too-long", max);
        }
        return value.strip();
    }
}
