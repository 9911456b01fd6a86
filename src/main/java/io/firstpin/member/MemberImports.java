package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import io.firstpin.platform.BulkWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members for imports of many people at once: matched by identity in chunks, newcomers written in bulk. */
@Service
public class MemberImports {

    private static final int LOOKUP_CHUNK = 5000;

    private final DSLContext db;
    private final Clock clock;
    private final BulkWriter bulk;

    MemberImports(DSLContext db, Clock clock, BulkWriter bulk) {
        this.db = db;
        this.clock = clock;
        this.bulk = bulk;
    }

    /**
     * For imports of many people at once: the member known by each identity, registering whoever is not known yet
     * under the name given. Identities are looked up a few thousand values of one kind at a time; the answer lines up
     * with {@code people}, and a person listed twice answers the same member both times.
     */
    @Transactional
    public List<MemberResolution> findOrRegisterAll(long organizationId, List<NamedIdentity> people) {
        Map<String, Long> known = new HashMap<>();
        Map<IdentityKind, Set<String>> byKind = new EnumMap<>(IdentityKind.class);
        for (NamedIdentity person : people) {
            byKind.computeIfAbsent(person.identity().kind(), kind -> new LinkedHashSet<>())
                    .add(person.key().substring(person.key().indexOf(':') + 1));
        }
        byKind.forEach((kind, values) -> {
            List<String> all = List.copyOf(values);
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                db.select(MEMBER_IDENTITY.NORMALIZED_VALUE, MEMBER_IDENTITY.MEMBER_ID)
                        .from(MEMBER_IDENTITY)
                        .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                        .and(MEMBER_IDENTITY.KIND.eq(kind.name()))
                        .and(bulk.oneOf(MEMBER_IDENTITY.NORMALIZED_VALUE,
                                all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK))))
                        .forEach(row -> known.put(kind.name() + ":" + row.value1(), row.value2()));
            }
        });
        Map<String, Member> newcomers = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (NamedIdentity person : people) {
            if (!known.containsKey(person.key())) {
                newcomers.computeIfAbsent(person.key(), key -> Member.register(organizationId, person.displayName(),
                        false, List.of(person.identity()), now));
            }
        }
        List<String> newKeys = List.copyOf(newcomers.keySet());
        List<Long> saved = insertAll(organizationId, List.copyOf(newcomers.values()));
        for (int i = 0; i < saved.size(); i++) {
            known.put(newKeys.get(i), saved.get(i));
        }
        Set<String> created = new HashSet<>(newKeys);
        Set<String> answered = new HashSet<>();
        List<MemberResolution> resolved = new ArrayList<>(people.size());
        for (NamedIdentity person : people) {
            // a newcomer listed twice was registered once, when first listed
            boolean registeredNow = created.contains(person.key()) && answered.add(person.key());
            resolved.add(new MemberResolution(known.get(person.key()), registeredNow));
        }
        return resolved;
    }

    /** New members known by no identity, one per name, such as people an export lists as withdrawn; ids in order. */
    @Transactional
    public List<Long> registerAllUnidentified(long organizationId, List<String> displayNames) {
        Instant now = clock.instant();
        List<Member> registered = displayNames.stream()
                .map(name -> Member.register(organizationId, name, false, List.of(), now))
                .toList();
        return insertAll(organizationId, registered);
    }

    /** Writes new members and their identities in bulk; the ids in the order given. */
    private List<Long> insertAll(long organizationId, List<Member> newcomers) {
        List<Object[]> memberRows = new ArrayList<>(newcomers.size());
        for (Member member : newcomers) {
            memberRows.add(new Object[] {organizationId, member.displayName(), member.staff(),
                    member.createdAt().atOffset(ZoneOffset.UTC)});
        }
        List<Long> ids = bulk.insertWithNewIds(MEMBER, MEMBER.ID,
                List.of(MEMBER.ORGANIZATION_ID, MEMBER.DISPLAY_NAME, MEMBER.STAFF, MEMBER.CREATED_AT), memberRows);
        List<Object[]> identityRows = new ArrayList<>(newcomers.size());
        for (int i = 0; i < newcomers.size(); i++) {
            for (MemberIdentity identity : newcomers.get(i).identities()) {
                identityRows.add(new Object[] {organizationId, ids.get(i), identity.kind().name(), identity.value(),
                        identity.normalizedValue()});
            }
        }
        bulk.insert(MEMBER_IDENTITY, List.of(MEMBER_IDENTITY.ORGANIZATION_ID, MEMBER_IDENTITY.MEMBER_ID,
                MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.IDENTITY_VALUE, MEMBER_IDENTITY.NORMALIZED_VALUE), identityRows);
        return ids;
    }
}
