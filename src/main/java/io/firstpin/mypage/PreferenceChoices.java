package io.firstpin.mypage;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.follow.Follows;
import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.Preferences;
import io.firstpin.member.EmailTopic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preferences page's rows: every topic a member of the organization may get (nudges, survey invitations, email to
 * segments, announcements of new events at all, and those of each community they follow or once stopped), whether they want it, and saving
 * their choice. Only the topics offered are changed, so a hand-made form cannot touch anything else.
 */
@Service
public class PreferenceChoices {

    private static final List<EmailTopic> ALWAYS = List.of(EmailTopic.OUTPUT_NUDGES, EmailTopic.SURVEY_INVITATIONS,
            EmailTopic.SEGMENT_EMAILS, EmailTopic.ALL_ANNOUNCEMENTS);

    private final EmailPreferences preferences;
    private final Communities communities;
    private final Follows follows;

    PreferenceChoices(EmailPreferences preferences, Communities communities, Follows follows) {
        this.preferences = preferences;
        this.communities = communities;
        this.follows = follows;
    }

    /** The member's rows, in a fixed order: the four kinds, then the communities by name. */
    @Transactional(readOnly = true)
    public List<Choice> of(long organizationId, long memberId) {
        Preferences current = preferences.of(memberId);
        List<Choice> rows = new ArrayList<>();
        ALWAYS.forEach(topic -> rows.add(new Choice(topic, null, current.wants(topic))));
        announcementsOffered(organizationId, memberId, current).stream()
                .map(id -> communities.findById(id).filter(c -> c.organizationId() == organizationId))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Community::name))
                .forEach(c -> {
                    EmailTopic topic = EmailTopic.announcementsOf(c.id());
                    rows.add(new Choice(topic, c.name(), current.wants(topic)));
                });
        return rows;
    }

    /** Makes the member want exactly the offered topics among {@code wantedKeys}; answers the rows as now saved. */
    @Transactional
    public List<Choice> choose(long organizationId, long memberId, Collection<String> wantedKeys) {
        Set<String> wanted = wantedKeys == null ? Set.of() : Set.copyOf(wantedKeys);
        List<EmailTopic> yes = new ArrayList<>();
        List<EmailTopic> no = new ArrayList<>();
        for (Choice row : of(organizationId, memberId)) {
            (wanted.contains(row.topic().key()) ? yes : no).add(row.topic());
        }
        preferences.choose(organizationId, memberId, yes, no);
        return of(organizationId, memberId);
    }

    private Set<Long> announcementsOffered(long organizationId, long memberId, Preferences current) {
        Set<Long> ids = new LinkedHashSet<>(follows.followedBy(organizationId, memberId));
        current.optedOut().stream().filter(t -> t.kind() == EmailTopic.Kind.ANNOUNCEMENTS)
                .forEach(t -> ids.add(t.communityId()));
        return ids;
    }

    /**
     * One row of the page.
     *
     * @param communityName the community whose announcements these are; null for the other kinds
     */
    public record Choice(EmailTopic topic, String communityName, boolean wanted) {

        public String key() {
            return topic.key();
        }

        /** The message code of the row's label. */
        public String label() {
            return "preferences.topic." + topic.kind().name().toLowerCase(Locale.ROOT);
        }
    }
}
