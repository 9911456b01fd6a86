package io.firstpin.platform.replica;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets a reader that has just written on the primary (the attendee rows brought up to date before a KPI read) have its
 * following read-only transactions see those writes: they use the replica only once it has replayed that far. Without
 * a replica this does nothing.
 */
@Component
public class ReplicaReads {

    /** A mark older than this no longer holds: the thread has moved on to another request or task. */
    private static final Duration MARK_LIFETIME = Duration.ofSeconds(30);

    private static final ThreadLocal<Mark> MARK = new ThreadLocal<>();

    private final ObjectProvider<ReplicaState> state;

    ReplicaReads(ObjectProvider<ReplicaState> state) {
        this.state = state;
    }

    /** The reads after this on the current thread see what the primary holds now. */
    public void afterPrimaryWrites() {
        ReplicaState replica = state.getIfAvailable();
        if (replica == null) {
            return;
        }
        replica.primaryPosition().ifPresentOrElse(
                position -> MARK.set(new Mark(position, System.nanoTime() + MARK_LIFETIME.toNanos())),
                MARK::remove);
    }

    /** Forgets the current thread's mark, at the end of a request. */
    public static void forget() {
        MARK.remove();
    }

    static Optional<WalPosition> neededPosition() {
        Mark mark = MARK.get();
        if (mark == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - mark.expiresAt() > 0) {
            MARK.remove();
            return Optional.empty();
        }
        return Optional.of(mark.position());
    }

    private record Mark(WalPosition position, long expiresAt) {
    }
}
