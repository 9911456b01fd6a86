package io.firstpin.history;

/**
 * Where an import stands: one set of states for a single file's job, a bulk import and each file of it, so that the
 * pages, the API and the stored rows spell them alike. A single file's job goes MAPPING (generic CSV only) → QUEUED →
 * RUNNING → DONE, REJECTED or FAILED; a bulk import PREPARED → QUEUED → RUNNING → DONE or FAILED, each of its files
 * QUEUED → DONE, REJECTED or FAILED.
 */
public enum ImportState {

    /** A bulk import uploaded, waiting for staff to choose each file's event. */
    PREPARED,
    /** A generic CSV waiting for staff to map its columns. */
    MAPPING,
    QUEUED,
    RUNNING,
    DONE,
    /** Refused whole with its problems by row and column; nothing of it was written. */
    REJECTED,
    /** Stopped by an error of Firstpin's, not of the file, or a job that stopped moving on. */
    FAILED;

    /** Queued or running: the page keeps following it. */
    public boolean running() {
        return this == QUEUED || this == RUNNING;
    }

    /** Not imported, whether the file or Firstpin was at fault. */
    public boolean refused() {
        return this == REJECTED || this == FAILED;
    }
}
