package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.util.OptionalInt;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registration quota (参加枠) of an event, e.g. 一般枠, LT枠, 懇親会枠. Its own aggregate so that its id stays the same
 * while the event is edited: registrations point at it.
 */
@Table("frame")
public class Frame {

    @Id
    private Long id;
    private final long organizationId;
    private final long eventId;
    private String name;
    private Integer capacity;
    private FrameMode mode;
    private Instant lotteryAt;
    private int displayOrder;

    @PersistenceCreator
    Frame(Long id, long organizationId, long eventId, String name, Integer capacity, FrameMode mode, Instant lotteryAt,
            int displayOrder) {
        this.id = id;
        this.organizationId = organizationId;
        this.eventId = eventId;
        this.name = name;
        this.capacity = capacity;
        this.mode = mode;
        this.lotteryAt = lotteryAt;
        this.displayOrder = displayOrder;
    }

    static Frame open(Event event, FramePlan plan, int displayOrder) {
        Frame frame = new Frame(null, event.organizationId(), event.id(), null, null, null, null, displayOrder);
        frame.adjust(plan, displayOrder, event.startsAt());
        return frame;
    }

    /** Applies a revised plan; a lottery must be drawn before the event starts. */
    void adjust(FramePlan plan, int newDisplayOrder, Instant eventStartsAt) {
        if (plan.mode() == FrameMode.LOTTERY && (plan.lotteryAt() == null || !plan.lotteryAt().isBefore(eventStartsAt))) {
            throw InvalidInputException.of("lotteryAt", "validation.lottery-at");
        }
        this.name = plan.name();
        this.capacity = plan.capacity();
        this.mode = plan.mode();
        this.lotteryAt = plan.mode() == FrameMode.LOTTERY ? plan.lotteryAt() : null;
        this.displayOrder = newDisplayOrder;
    }

    public boolean unlimited() {
        return capacity == null;
    }

    /** Seats still free given how many are confirmed; empty when the frame is unlimited. */
    public OptionalInt seatsLeft(int confirmed) {
        return capacity == null ? OptionalInt.empty() : OptionalInt.of(Math.max(0, capacity - confirmed));
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long eventId() {
        return eventId;
    }

    public String name() {
        return name;
    }

    public Integer capacity() {
        return capacity;
    }

    public FrameMode mode() {
        return mode;
    }

    public Instant lotteryAt() {
        return lotteryAt;
    }

    public int displayOrder() {
        return displayOrder;
    }
}
