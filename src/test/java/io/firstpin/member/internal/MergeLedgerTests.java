package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.platform.db.DefaultSchema;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.ForeignKey;
import org.junit.jupiter.api.Test;

class MergeLedgerTests {

    // the merge's own bookkeeping, and the pointer of a merged member at the member it became
    private static final Set<String> NOT_MOVED = Set.of("member.merged_into_id", "member_merge.into_member_id",
            "member_merge.from_member_id", "member_merge_dismissal.member_id",
            "member_merge_dismissal.other_member_id",
            // recounted from the moved registrations and check-ins by the attendee module
            "attendee.member_id", "attendee_member.member_id", "attendee_walk.member_id");

    @Test
    void everyColumnPointingAtAMemberIsMovedByAMerge() {
        List<String> pointingAtMembers = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .flatMap(table -> table.getReferences().stream())
                .filter(key -> key.getKey().getTable().getName().equals(MEMBER.getName()))
                .map(ForeignKey::getFields)
                .flatMap(List::stream)
                .map(field -> (field.getTable().getName() + "." + field.getName()).toLowerCase(Locale.ROOT))
                .filter(name -> !NOT_MOVED.contains(name))
                .toList();

        assertThat(MergeLedger.memberColumns()).extracting(c -> (c.getTable().getName() + "." + c.getName()).toLowerCase(Locale.ROOT))
                .containsExactlyInAnyOrderElementsOf(pointingAtMembers);
    }
}
