package io.firstpin.registration;

import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FrameOccupancy;
import io.firstpin.registration.internal.LotteryDraws;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a registrant is told about frames: on the form, which frames are full (満席: registering there joins the
 * waitlist) and when a lottery is drawn; on their page, their frame's lottery before and after its draw.
 */
@Service
public class FrameChoices {

    private final Events events;
    private final LotteryDraws draws;

    FrameChoices(Events events, LotteryDraws draws) {
        this.events = events;
        this.draws = draws;
    }

    /** The event's frames in display order, as the public form offers them. */
    @Transactional(readOnly = true)
    public List<FrameChoice> of(long eventId) {
        Map<Long, FrameOccupancy.Counts> counts = events.occupancy(eventId);
        return events.frames(eventId).stream().map(frame -> {
            boolean drawPending = frame.mode() == FrameMode.LOTTERY && !draws.drawn(frame.id());
            int confirmed = counts.getOrDefault(frame.id(), FrameOccupancy.Counts.NONE).confirmed();
            // a lottery takes every application until its draw, so it is never full before it
            boolean full = !drawPending && frame.seatsLeft(confirmed).orElse(1) <= 0;
            return new FrameChoice(frame, full, drawPending ? frame.lotteryAt() : null);
        }).toList();
    }

    /** The lottery of the registration's frame, or null when the frame is first come, first served. */
    @Transactional(readOnly = true)
    public LotteryState lotteryOf(Registration registration) {
        return events.frame(registration.frameId()).filter(frame -> frame.mode() == FrameMode.LOTTERY)
                .map(frame -> new LotteryState(frame.lotteryAt(),
                        draws.ofFrame(frame.id()).map(LotteryDraw::drawnAt).orElse(null), registration.status()))
                .orElse(null);
    }

    /**
     * @param full whether every seat is taken: whoever registers joins the waitlist
     * @param drawAt when the frame's lottery is drawn; null for a frame first come, first served or drawn already
     */
    public record FrameChoice(Frame frame, boolean full, Instant drawAt) {
    }

    /**
     * A lottery as its applicant reads it.
     *
     * @param drawnAt when it was drawn; null while it is not
     */
    public record LotteryState(Instant lotteryAt, Instant drawnAt, RegistrationStatus status) {

        public boolean drawn() {
            return drawnAt != null;
        }

        /** Drawn and seated; a drawn applicant who is not is waiting or out. */
        public boolean won() {
            return drawn() && status == RegistrationStatus.CONFIRMED;
        }
    }
}
