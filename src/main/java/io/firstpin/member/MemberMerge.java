package io.firstpin.member;

import java.time.Instant;
import java.util.Optional;

/**
 * One merge of a member into another, as staff see it in the list of merges.
 *
 * @param changes how many rows the merge moved or changed, identities included
 * @param undoneAt when staff undid it; null while it stands
 */
public record MemberMerge(long id, long intoMemberId, String intoName, long fromMemberId, String fromName,
        Instant mergedAt, Instant undoneAt, int changes) {

    public boolean undone() {
        return undoneAt != null;
    }

    public Optional<Instant> undoneAtIfUndone() {
        return Optional.ofNullable(undoneAt);
    }
}
