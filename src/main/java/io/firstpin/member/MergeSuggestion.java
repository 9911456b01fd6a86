package io.firstpin.member;

import java.util.List;

/**
 * Two members who may be one person: the same display name and at least one agreeing attribute. {@code first} is the
 * member known longer (the smaller id), the one the suggestion merges {@code second} into.
 */
public record MergeSuggestion(Candidate first, Candidate second, List<MergeReason> reasons) {

    public MergeSuggestion {
        reasons = List.copyOf(reasons);
    }

    /** One of the two, with the identities staff compare. */
    public record Candidate(long id, String displayName, List<MemberIdentity> identities) {

        public Candidate {
            identities = List.copyOf(identities);
        }
    }
}
