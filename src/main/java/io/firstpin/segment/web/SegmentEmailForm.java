package io.firstpin.segment.web;

/** What staff write to a segment. */
record SegmentEmailForm(String subject, String body) {

    static SegmentEmailForm blank() {
        return new SegmentEmailForm("", "");
    }
}
