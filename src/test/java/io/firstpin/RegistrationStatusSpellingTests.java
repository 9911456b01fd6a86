package io.firstpin;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.registration.RegistrationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whether a registration counts is decided by the registration module's types and the attendee rule
 * ({@code attendee.AttendeeRule}); a status spelled as a string elsewhere is a copy of the rule waiting to disagree.
 */
class RegistrationStatusSpellingTests {

    private static final Path MAIN = Path.of("src/main/java/io/firstpin");

    /** The member merge ranks statuses while moving another module's rows (it cannot depend on registration). */
    private static final List<Path> EXCEPTIONS = List.of(MAIN.resolve("member/internal/MergeLedger.java"));

    @Test
    void noModuleButTheOwnerSpellsARegistrationStatus() throws IOException {
        List<String> spelled = Arrays.stream(RegistrationStatus.values()).map(s -> "\"" + s.name() + "\"").toList();
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN.resolve("registration")))
                    .filter(f -> !EXCEPTIONS.contains(f))
                    .filter(f -> spelled.stream().anyMatch(read(f)::contains))
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
