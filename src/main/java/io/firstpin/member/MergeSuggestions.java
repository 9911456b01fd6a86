package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.MEMBER_MERGE_DISMISSAL;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suggests members who may be one person, computed when asked. Exact identities already make one member (an import
 * or a registration finds the member by email, connpass user name or another handle); these are the weaker signals
 * staff should decide on:
 * <ul>
 * <li>the same display name, compared after NFKC (full-width letters and spaces fold), ignoring case and every space,
 * so {@code 山田　太郎} and {@code 山田太郎} agree; and</li>
 * <li>at least one other agreeing attribute ({@link MergeReason}): a handle shared across sites or with an email's name
 * part, the same email name part, or events of the same community.</li>
 * </ul>
 * Never suggested: a pair on the display name alone; withdrawn connpass users ({@code (退会ユーザー)}), who share that
 * name and nothing else; a pair where both have an identity of a kind a person has one of (connpass, Meetup, GitHub,
 * X, Bluesky), since two different accounts on one site are two people as far as we can tell; members merged already;
 * pairs staff dismissed.
 */
@Service
public class MergeSuggestions {

    public static final int MAX_PAGE_SIZE = 200;

    private static final Set<IdentityKind> ONE_PER_PERSON = EnumSet.of(IdentityKind.CONNPASS, IdentityKind.MEETUP,
            IdentityKind.GITHUB, IdentityKind.X, IdentityKind.BLUESKY);
    private static final Set<IdentityKind> HANDLES = EnumSet.of(IdentityKind.CONNPASS, IdentityKind.GITHUB,
            IdentityKind.X, IdentityKind.BLUESKY);
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final String WITHDRAWN = nameKey("(退会ユーザー)");
    // shorter names (ab, jp) are shared by chance
    private static final int MIN_SHARED_NAME = 3;
    private static final int CHUNK = 1000;

    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final AttendedCommunities attendedCommunities;

    MergeSuggestions(DSLContext db, Clock clock, PlatformTransactionManager transactions,
            AttendedCommunities attendedCommunities) {
        this.db = db;
        this.attendedCommunities = attendedCommunities;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The organization's suggestions, by display name; {@code page} counts from 0, {@code size} is kept within 1–200. */
    public SuggestionPage page(long organizationId, int page, int size) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageIndex = Math.max(0, page);
        List<MergeSuggestion> all = suggestions(organizationId, null);
        int from = (int) Math.min(all.size(), (long) pageIndex * pageSize);
        return new SuggestionPage(all.subList(from, Math.min(all.size(), from + pageSize)), pageIndex, pageSize,
                all.size());
    }

    /** How many suggestions involve at least one of these members, such as the people an import just brought in. */
    public int countInvolving(long organizationId, Collection<Long> memberIds) {
        return memberIds.isEmpty() ? 0 : suggestions(organizationId, Set.copyOf(memberIds)).size();
    }

    /** Staff decided the two are different people: the pair is not suggested again. */
    @Transactional
    public void dismiss(long organizationId, long memberId, long otherMemberId) {
        if (memberId == otherMemberId) {
            throw InvalidInputException.of("otherMemberId", "member.merge.same");
        }
        long low = Math.min(memberId, otherMemberId);
        long high = Math.max(memberId, otherMemberId);
        Set<Long> known = new HashSet<>(db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId)).and(MEMBER.ID.in(low, high)).fetch(MEMBER.ID));
        for (long id : List.of(memberId, otherMemberId)) {
            if (!known.contains(id)) {
                throw NotFoundException.of("member", id);
            }
        }
        boolean dismissed = db.fetchExists(MEMBER_MERGE_DISMISSAL, MEMBER_MERGE_DISMISSAL.MEMBER_ID.eq(low)
                .and(MEMBER_MERGE_DISMISSAL.OTHER_MEMBER_ID.eq(high)));
        if (dismissed) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> db.insertInto(MEMBER_MERGE_DISMISSAL)
                    .set(MEMBER_MERGE_DISMISSAL.ORGANIZATION_ID, organizationId)
                    .set(MEMBER_MERGE_DISMISSAL.MEMBER_ID, low)
                    .set(MEMBER_MERGE_DISMISSAL.OTHER_MEMBER_ID, high)
                    .set(MEMBER_MERGE_DISMISSAL.DISMISSED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute());
        } catch (DuplicateKeyException dismissedConcurrently) {
            // the other request dismissed it: the outcome is the same
        }
    }

    /** The display name as suggestions compare it: NFKC, lower case, without spaces of any width. */
    static String nameKey(String displayName) {
        String folded = Normalizer.normalize(displayName == null ? "" : displayName, Normalizer.Form.NFKC);
        return SPACES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private List<MergeSuggestion> suggestions(long organizationId, Set<Long> involving) {
        Map<String, List<Long>> byName = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        db.select(MEMBER.ID, MEMBER.DISPLAY_NAME)
                .from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER.MERGED_INTO_ID.isNull())
                .orderBy(MEMBER.ID)
                .forEach(row -> {
                    String key = nameKey(row.value2());
                    if (!key.isEmpty() && !key.equals(WITHDRAWN)) {
                        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(row.value1());
                        names.put(row.value1(), row.value2());
                    }
                });
        List<Map.Entry<String, List<Long>>> groups = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .filter(e -> involving == null || e.getValue().stream().anyMatch(involving::contains))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Long> candidates = groups.stream().flatMap(e -> e.getValue().stream()).toList();
        Map<Long, List<MemberIdentity>> identities = identities(organizationId, candidates);
        Map<Long, Set<Long>> communities = attendedCommunities.of(candidates);
        Set<List<Long>> dismissed = new HashSet<>(db.select(MEMBER_MERGE_DISMISSAL.MEMBER_ID,
                        MEMBER_MERGE_DISMISSAL.OTHER_MEMBER_ID)
                .from(MEMBER_MERGE_DISMISSAL)
                .where(MEMBER_MERGE_DISMISSAL.ORGANIZATION_ID.eq(organizationId))
                .fetch(row -> List.of(row.value1(), row.value2())));
        List<MergeSuggestion> suggestions = new ArrayList<>();
        for (Map.Entry<String, List<Long>> group : groups) {
            List<Long> ids = group.getValue();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    long first = ids.get(i);
                    long second = ids.get(j);
                    if (involving != null && !involving.contains(first) && !involving.contains(second)
                            || dismissed.contains(List.of(first, second))) {
                        continue;
                    }
                    List<MemberIdentity> firstIdentities = identities.getOrDefault(first, List.of());
                    List<MemberIdentity> secondIdentities = identities.getOrDefault(second, List.of());
                    if (differentAccounts(firstIdentities, secondIdentities)) {
                        continue;
                    }
                    List<MergeReason> reasons = reasons(firstIdentities, secondIdentities,
                            communities.getOrDefault(first, Set.of()), communities.getOrDefault(second, Set.of()));
                    if (!reasons.isEmpty()) {
                        suggestions.add(new MergeSuggestion(
                                new MergeSuggestion.Candidate(first, names.get(first), firstIdentities),
                                new MergeSuggestion.Candidate(second, names.get(second), secondIdentities),
                                reasons));
                    }
                }
            }
        }
        return suggestions;
    }

    private static boolean differentAccounts(List<MemberIdentity> first, List<MemberIdentity> second) {
        return first.stream().map(MemberIdentity::kind).filter(ONE_PER_PERSON::contains)
                .anyMatch(kind -> second.stream().anyMatch(i -> i.kind() == kind));
    }

    private static List<MergeReason> reasons(List<MemberIdentity> first, List<MemberIdentity> second,
            Set<Long> firstCommunities, Set<Long> secondCommunities) {
        List<MergeReason> reasons = new ArrayList<>();
        Set<String> firstHandles = handles(first);
        Set<String> secondHandles = handles(second);
        Set<String> firstEmailNames = emailNames(first);
        Set<String> secondEmailNames = emailNames(second);
        if (intersects(firstHandles, secondHandles) || intersects(firstHandles, secondEmailNames)
                || intersects(firstEmailNames, secondHandles)) {
            reasons.add(MergeReason.SHARED_HANDLE);
        }
        if (intersects(firstEmailNames, secondEmailNames)) {
            reasons.add(MergeReason.SAME_EMAIL_NAME);
        }
        if (intersects(firstCommunities, secondCommunities)) {
            reasons.add(MergeReason.SAME_COMMUNITY);
        }
        return reasons;
    }

    private static Set<String> handles(List<MemberIdentity> identities) {
        Set<String> handles = new HashSet<>();
        for (MemberIdentity identity : identities) {
            if (!HANDLES.contains(identity.kind()) || identity.normalizedValue().startsWith("did:")) {
                continue;
            }
            String handle = identity.normalizedValue();
            if (identity.kind() == IdentityKind.BLUESKY && handle.endsWith(".bsky.social")) {
                handle = handle.substring(0, handle.length() - ".bsky.social".length());
            }
            if (handle.length() >= MIN_SHARED_NAME) {
                handles.add(handle);
            }
        }
        return handles;
    }

    private static Set<String> emailNames(List<MemberIdentity> identities) {
        Set<String> names = new HashSet<>();
        for (MemberIdentity identity : identities) {
            if (identity.kind() != IdentityKind.EMAIL) {
                continue;
            }
            String local = identity.normalizedValue().substring(0, identity.normalizedValue().indexOf('@'));
            int tag = local.indexOf('+');
            String name = tag < 0 ? local : local.substring(0, tag);
            if (name.length() >= MIN_SHARED_NAME) {
                names.add(name);
            }
        }
        return names;
    }

    private static <T> boolean intersects(Set<T> one, Set<T> other) {
        return one.stream().anyMatch(other::contains);
    }

    private Map<Long, List<MemberIdentity>> identities(long organizationId, List<Long> memberIds) {
        Map<Long, List<MemberIdentity>> byMember = new LinkedHashMap<>();
        for (int from = 0; from < memberIds.size(); from += CHUNK) {
            db.select(MEMBER_IDENTITY.ID, MEMBER_IDENTITY.MEMBER_ID, MEMBER_IDENTITY.KIND,
                            MEMBER_IDENTITY.IDENTITY_VALUE, MEMBER_IDENTITY.NORMALIZED_VALUE)
                    .from(MEMBER_IDENTITY)
                    .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                    .and(MEMBER_IDENTITY.MEMBER_ID.in(memberIds.subList(from, Math.min(memberIds.size(), from + CHUNK))))
                    .orderBy(MEMBER_IDENTITY.ID)
                    .forEach(row -> IdentityKind.fromName(row.value3()).ifPresent(kind -> byMember
                            .computeIfAbsent(row.value2(), id -> new ArrayList<>())
                            .add(new MemberIdentity(row.value1(), organizationId, kind, row.value4(), row.value5()))));
        }
        byMember.values().forEach(list -> list.sort(Comparator.comparing(MemberIdentity::kind)));
        return byMember;
    }
}
