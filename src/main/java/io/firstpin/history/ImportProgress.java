package io.firstpin.history;

/**
 * Told where a running import is: each stage as it begins, with the file's rows once the file is read (null while it
 * is being read). Called a handful of times per file, so a listener may write each call down.
 */
@FunctionalInterface
public interface ImportProgress {

    /** A listener that ignores every stage: an import answered at once. */
    ImportProgress NONE = (stage, rows) -> { };

    void begun(ImportStage stage, Integer rows);
}
