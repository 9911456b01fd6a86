package io.firstpin.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles as the application reads them: a key given twice is silently the last one (a column header once
 * read as an error message), and a key in one language only shows the other language on its pages.
 */
class MessageBundlesTests {

    private static final Map<String, List<String>> KEYS = new TreeMap<>();

    @BeforeAll
    static void readTheBundles() throws IOException {
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            List<String> keys = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#") && !entry.startsWith("!")) {
                        keys.add(entry.split("\\s*[=:]", 2)[0]);
                    }
                }
            }
            KEYS.put(bundle.getFilename(), keys);
        }
    }

    @Test
    void noBundleGivesAKeyTwice() {
        assertThat(KEYS).isNotEmpty();
        Map<String, Set<String>> twice = new TreeMap<>();
        KEYS.forEach((bundle, keys) -> {
            Set<String> seen = new TreeSet<>();
            keys.stream().filter(key -> !seen.add(key))
                    .forEach(key -> twice.computeIfAbsent(bundle, b -> new TreeSet<>()).add(key));
        });
        assertThat(twice).isEmpty();
    }

    @Test
    void noTwoBundlesGiveTheSameKey() {
        Map<String, String> owner = new HashMap<>();
        Map<String, String> clashes = new TreeMap<>();
        KEYS.forEach((bundle, keys) -> {
            if (bundle.endsWith("_ja.properties")) {
                return;
            }
            for (String key : new TreeSet<>(keys)) {
                String first = owner.putIfAbsent(key, bundle);
                if (first != null) {
                    clashes.put(key, first + " and " + bundle);
                }
            }
        });
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyKeyIsInEnglishAndInJapanese() {
        KEYS.forEach((bundle, keys) -> {
            if (bundle.endsWith("_ja.properties")) {
                return;
            }
            String japanese = bundle.replace(".properties", "_ja.properties");
            assertThat(KEYS).as(japanese).containsKey(japanese);
            assertThat(new TreeSet<>(KEYS.get(japanese))).as(japanese).isEqualTo(new TreeSet<>(keys));
        });
    }
}
