package io.firstpin.attendance;

import io.firstpin.attendance.internal.AttendanceRepository;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.registration.Registrations.Entry;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What the check-in desk sees: the event's confirmed registrants with their check-in state, and the count so far. */
@Service
public class CheckInDesk {

    private final Registrations registrations;
    private final AttendanceRepository attendances;

    CheckInDesk(Registrations registrations, AttendanceRepository attendances) {
        this.registrations = registrations;
        this.attendances = attendances;
    }

    /** Counted as on the registrations page: confirmed registrants, and registrants who checked in. */
    public Progress progress(long organizationId, long eventId) {
        List<Entry> all = registrations.ofEvent(organizationId, eventId);
        int confirmed = (int) all.stream().filter(e -> e.registration().status() == RegistrationStatus.CONFIRMED).count();
        int checkedIn = (int) all.stream().filter(Entry::checkedIn).count();
        return new Progress(checkedIn, confirmed);
    }

    /**
     * Confirmed registrants whose name or email contains the query, or, for digits alone, whose 受付番号 it is, in
     * the order they registered; at most {@code limit}. Spaces, full-width letters and case do not matter, so
     * 「山田　太郎」 finds "山田 太郎" and 「１２」 finds 受付番号 12.
     */
    public Arrivals search(long organizationId, long eventId, String query, int limit) {
        String wanted = normalized(query);
        // digits alone are the 受付番号 someone tells at the desk, not a piece of some address
        boolean number = wanted.chars().allMatch(Character::isDigit) && !wanted.isEmpty();
        Map<Long, Attendance> checkedIn = attendances.findByEventId(eventId).stream()
                .filter(a -> a.registrationId() != null)
                .collect(Collectors.toMap(Attendance::registrationId, Function.identity(), (a, b) -> a));
        List<Arrival> matches = registrations.ofEvent(organizationId, eventId).stream()
                .filter(e -> e.registration().status() == RegistrationStatus.CONFIRMED)
                .filter(e -> wanted.isEmpty() || (number
                        ? wanted.equals(String.valueOf(e.registration().receptionNumber()))
                        : normalized(e.registration().name()).contains(wanted)
                                || normalized(e.registration().email()).contains(wanted)))
                .map(e -> {
                    Attendance attendance = checkedIn.get(e.registration().id());
                    return new Arrival(e.registration().id(), e.registration().receptionNumber(),
                            e.registration().name(), e.frameName(),
                            attendance == null ? null : attendance.checkedInAt(),
                            attendance == null ? null : attendance.method());
                })
                .toList();
        return new Arrivals(matches.stream().limit(limit).toList(), matches.size());
    }

    private static String normalized(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }

    public record Progress(int checkedIn, int confirmed) {

        public int percent() {
            return confirmed == 0 ? 0 : Math.round(100f * checkedIn / confirmed);
        }
    }

    /** A confirmed registrant at the door; {@code checkedInAt} and {@code method} are null until they check in. */
    public record Arrival(long registrationId, Integer receptionNumber, String name, String frameName, Instant checkedInAt,
            CheckInMethod method) {

        public boolean checkedIn() {
            return checkedInAt != null;
        }
    }

    /** The arrivals shown, and how many matched in all. */
    public record Arrivals(List<Arrival> shown, int matched) {

        public boolean more() {
            return matched > shown.size();
        }
    }
}
