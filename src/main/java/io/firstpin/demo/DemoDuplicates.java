package io.firstpin.demo;

import io.firstpin.demo.DemoPlan.Event;
import io.firstpin.demo.DemoPlan.Identity;
import io.firstpin.demo.DemoPlan.IdentityKind;
import io.firstpin.demo.DemoPlan.Person;
import io.firstpin.demo.DemoPlan.Registration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The same person known twice, as imports from several sites leave them: a regular who once signed up with another
 * address, under their name written a little differently (a full-width space, no space, other letter case). The
 * member module suggests such pairs for a merge (same name, same email name part); here they take the places of
 * members who never registered, so that the organization keeps its size.
 */
final class DemoDuplicates {

    private DemoDuplicates() {
    }

    static int count(int members) {
        return Math.max(3, Math.min(60, members / 400));
    }

    /** The people with a few of those who never registered replaced by second accounts of regulars. */
    static List<Person> apply(List<Person> people, List<Event> events, SplittableRandom random) {
        int[] registered = new int[people.size()];
        for (Event event : events) {
            for (Registration r : event.registrations()) {
                registered[r.person()]++;
            }
        }
        Set<String> emails = new HashSet<>();
        for (Person person : people) {
            emails.add(DemoCast.normalize(person.email()));
        }
        List<Integer> regulars = new ArrayList<>();
        List<Integer> unused = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            if (people.get(p).staff()) {
                continue;
            }
            if (registered[p] >= 3) {
                regulars.add(p);
            } else if (registered[p] == 0) {
                unused.add(p);
            }
        }
        List<Person> result = new ArrayList<>(people);
        int wanted = Math.min(count(people.size()), Math.min(regulars.size(), unused.size()));
        Set<Integer> copied = new HashSet<>();
        for (int d = 0, attempts = 0; d < wanted && attempts < wanted * 20; attempts++) {
            int original = regulars.get(random.nextInt(regulars.size()));
            if (!copied.add(original)) {
                continue;
            }
            Person person = people.get(original);
            String email = person.email().toLowerCase(Locale.ROOT);
            String local = email.substring(0, email.indexOf('@'));
            String other = local + (email.endsWith("@example.com") ? "@example.jp" : "@example.com");
            if (!emails.add(other)) {
                continue;
            }
            int target = unused.get(d);
            result.set(target, new Person(variant(person.displayName(), random), false, person.handle(), other,
                    List.of(new Identity(IdentityKind.EMAIL, other, other))));
            d++;
        }
        return List.copyOf(result);
    }

    /** The same name as the member module compares names (NFKC, any case, without spaces), written differently. */
    static String variant(String name, SplittableRandom random) {
        if (name.contains(" ")) {
            return random.nextBoolean() ? name.replace(" ", "　") : name.replace(" ", "");
        }
        if (name.chars().anyMatch(c -> c >= 'a' && c <= 'z')) {
            return name.toUpperCase(Locale.ROOT);
        }
        // a name written without a space gets a full-width one after the family name's usual length
        return name.length() > 2 ? name.substring(0, 2) + "　" + name.substring(2) : name + "　";
    }
}
