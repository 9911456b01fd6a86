package io.firstpin.segment;

/** Whether a segment wants members who gave a lightning talk or case study at the scope's events, who did not, or either. */
public enum TalkFilter {
    ANY, NONE, GAVE;

    boolean accepts(int talks) {
        return this == ANY || (this == NONE) == (talks == 0);
    }
}
