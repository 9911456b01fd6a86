package io.firstpin.history;

import io.firstpin.member.IdentityInput;
import java.util.Optional;

/**
 * Who a row is about. With an identity (a connpass user name, an email) the person is matched to the member known by
 * it; without one (a withdrawn connpass user, a Meetup member) never to anyone else, only to the member the same row
 * became when the event was imported before, found by {@code key}.
 *
 * @param key what tells this person apart within the file and within the event's imports
 */
public record ImportedPerson(String displayName, IdentityInput identity, String key) {

    static ImportedPerson known(String displayName, IdentityInput identity) {
        return new ImportedPerson(displayName, identity,
                identity.kind().name() + ":" + identity.kind().normalize(identity.value()));
    }

    static ImportedPerson unmatched(String displayName, String key) {
        return new ImportedPerson(displayName, null, key);
    }

    public Optional<IdentityInput> matchedBy() {
        return Optional.ofNullable(identity);
    }
}
