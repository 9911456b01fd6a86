package io.firstpin.member;

import java.util.List;

/**
 * A member's reach: the latest known audience on each channel. Unknown (no channel known) is not zero: such a member
 * is kept apart wherever reach is compared.
 */
public record Reach(List<Audience> channels) {

    public static final Reach UNKNOWN = new Reach(List.of());

    public Reach {
        channels = List.copyOf(channels);
    }

    public boolean known() {
        return !channels.isEmpty();
    }

    /** The sum of the latest audience per channel; null when unknown. */
    public Long total() {
        return known() ? channels.stream().mapToLong(Audience::size).sum() : null;
    }
}
