package io.firstpin.segment.web;

import io.firstpin.segment.MemberSegment;
import io.firstpin.segment.SegmentCriteria;

/** The create and edit form of a segment; numbers and choices come as text and are checked by the criteria. */
record SegmentForm(String name, String community, Boolean branches, String minEvents, String withinMonths,
        String outputs, String talks, String quadrant, Boolean includeStaff) {

    SegmentForm {
        // an unticked checkbox sends nothing
        branches = Boolean.TRUE.equals(branches);
        includeStaff = Boolean.TRUE.equals(includeStaff);
    }

    /** "Attended 3+ in the last 12 months", the most common start. */
    static SegmentForm blank(String community) {
        return new SegmentForm("", community, false, "3", "12", "ANY", "ANY", "", false);
    }

    static SegmentForm of(MemberSegment segment, String communitySlug) {
        SegmentCriteria c = segment.criteria();
        return new SegmentForm(segment.name(), communitySlug, segment.withBranches(), String.valueOf(c.minEvents()),
                String.valueOf(c.withinMonths()), c.outputs().name(), c.talks().name(),
                c.quadrant() == null ? "" : c.quadrant().name(), c.includeStaff());
    }

    SegmentCriteria criteria() {
        return SegmentCriteria.parse(minEvents, withinMonths, outputs, talks, quadrant, includeStaff);
    }
}
