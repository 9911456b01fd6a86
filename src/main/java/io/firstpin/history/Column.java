package io.firstpin.history;

import java.util.List;
import java.util.Locale;

/** A column an export layout knows, by every name exports give it; the first is the one problems name when missing. */
record Column(List<String> names) {

    static Column named(String... names) {
        return new Column(List.of(names));
    }

    String shown() {
        return names.get(0);
    }

    boolean matches(String header) {
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
