package io.firstpin.segment;

/** Whether a segment wants members with outputs linked to the scope's events, without, or either. */
public enum OutputFilter {
    ANY, NONE, SOME;

    boolean accepts(int outputs) {
        return this == ANY || (this == NONE) == (outputs == 0);
    }
}
