package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.COMMUNITY;
import static org.jooq.impl.DSL.select;

import io.firstpin.platform.db.tables.Community;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The community trees that make the scopes: a community alone, or with its branches at any depth. */
@Component
class Scopes {

    private final DSLContext db;

    Scopes(DSLContext db) {
        this.db = db;
    }

    /** These communities with their branches at any depth. */
    Set<Long> subtrees(Collection<Long> communityIds) {
        Community moved = COMMUNITY.as("moved");
        Map<Long, Long> parents = parents(COMMUNITY.ORGANIZATION_ID.in(select(moved.ORGANIZATION_ID).from(moved)
                .where(moved.ID.in(communityIds))));
        Set<Long> all = new TreeSet<>();
        communityIds.forEach(id -> all.addAll(subtree(id, parents)));
        return all;
    }

    /** Each community's parent (null for a top-level one), of the organizations the condition picks. */
    Map<Long, Long> parents(Condition organizations) {
        Map<Long, Long> parents = new HashMap<>();
        db.select(COMMUNITY.ID, COMMUNITY.PARENT_ID).from(COMMUNITY).where(organizations)
                .forEach(r -> parents.put(r.value1(), r.value2()));
        return parents;
    }

    static Set<Long> subtree(long root, Map<Long, Long> parents) {
        Set<Long> members = new TreeSet<>();
        for (long community : parents.keySet()) {
            for (Long up = community; up != null; up = parents.get(up)) {
                if (up == root) {
                    members.add(community);
                    break;
                }
            }
        }
        members.add(root);
        return members;
    }
}
