package io.firstpin.registration;

import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.identity.Actor;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.RegistrationChanged.Change;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.LotteryDraws;
import io.firstpin.registration.internal.RegistrationRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draws lottery frames (抽選枠) as connpass does: a lottery frame takes applications until its lottery time; then a
 * fair draw (see {@link Lottery}) confirms as many applicants as there are seats and waitlists the others in drawn
 * order. From then on the frame is first come first served, and cancellations promote from the waitlist as usual.
 *
 * <p>A draw takes the frame's lock, the one every registration decision takes, then checks that the frame is not drawn
 * yet, records the draw and sets the statuses, all in one transaction: registering, cancelling and drawing one frame
 * happen one after another on any number of app instances, and a frame is drawn once. The unique frame id of the
 * recorded draw refuses a second draw even so.
 *
 * <p>Staff may nominate applicants before the draw (指名: speakers, helpers); nominating takes the same lock, so the
 * draw seats every nomination made before it and none after. The nominees take seats first, in the order they were
 * nominated, and the others are drawn for the seats left; the recorded draw lists the nominees and who nominated them.
 */
@Service
public class Lotteries {

    private static final Logger log = LoggerFactory.getLogger(Lotteries.class);

    private final LotteryDraws draws;
    private final RegistrationRepository registrations;
    private final FrameQueue queue;
    private final Events events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SecureRandom seeds = new SecureRandom();

    Lotteries(LotteryDraws draws, RegistrationRepository registrations, FrameQueue queue, Events events,
            ApplicationEventPublisher publisher, Clock clock, PlatformTransactionManager transactions) {
        this.draws = draws;
        this.registrations = registrations;
        this.queue = queue;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Draws every lottery frame whose time has come and that is not drawn yet, each in a transaction of its own, so
     * that one frame's trouble holds up no other; answers how many were drawn here.
     */
    public int drawDue() {
        int drawn = 0;
        for (long frameId : draws.due(clock.instant())) {
            try {
                transaction.execute(status -> drawLocked(frameId));
                drawn++;
            } catch (ConflictException | DuplicateKeyException | NotFoundException changedMeanwhile) {
                log.debug("Frame {} is no longer due for a draw: {}", frameId, changedMeanwhile.getMessage());
            } catch (RuntimeException e) {
                log.warn("Drawing the lottery of frame {} failed; trying again at the next run", frameId, e);
            }
        }
        return drawn;
    }

    /** Draws the frame at once, for staff: only after its lottery time, and only once. */
    public LotteryDraw drawNow(long organizationId, long frameId) {
        inOrganization(organizationId, frameId);
        try {
            return transaction.execute(status -> drawLocked(frameId));
        } catch (DuplicateKeyException drawnConcurrently) {
            throw new ConflictException("frame", "lottery.already-drawn");
        }
    }

    /** The frame's recorded draw, for audit; empty while it is not drawn. */
    public Optional<LotteryDraw> drawOf(long organizationId, long frameId) {
        inOrganization(organizationId, frameId);
        return draws.ofFrame(frameId);
    }

    private LotteryDraw drawLocked(long frameId) {
        queue.lock(frameId);
        // read after the lock: the frame may have been revised or drawn since it was found due
        Frame frame = events.frame(frameId).orElseThrow(() -> NotFoundException.of("frame", frameId));
        Instant now = clock.instant();
        if (frame.mode() != FrameMode.LOTTERY) {
            throw new ConflictException("frame", "lottery.not-a-lottery");
        }
        if (draws.drawn(frameId)) {
            throw new ConflictException("frame", "lottery.already-drawn");
        }
        if (now.isBefore(frame.lotteryAt())) {
            throw new ConflictException("frame", "lottery.not-yet");
        }
        // seats already taken (a frame switched to lottery after confirming some) are not drawn again
        Integer seats = frame.capacity() == null ? null : Math.max(0, frame.capacity() - queue.confirmed(frameId));
        LotteryDraw draw = draws.add(LotteryDraw.draw(frame.organizationId(), frameId, seeds.nextLong(),
                draws.nominations(frameId), draws.applicants(frameId), seats, now));

        Map<Long, Registration> applicants = registrations.findAllById(draw.drawOrder()).stream()
                .collect(Collectors.toMap(Registration::id, Function.identity()));
        for (long id : draw.winnerIds()) {
            Registration winner = applicants.get(id);
            winner.confirm();
            announce(registrations.save(winner), Change.CONFIRMED);
        }
        int queueNumber = queue.nextQueueNumber(frameId);
        for (long id : draw.waitlistIds()) {
            Registration waiting = applicants.get(id);
            waiting.waitlist(queueNumber++);
            // saved one by one so that whoever tells this registrant sees the waitlist up to them
            announce(registrations.save(waiting), Change.WAITLISTED);
        }
        log.info("Lottery of frame {} drawn: {} applicants, {} nominated, {} confirmed, seed {}", frameId,
                draw.applicants(), draw.nomineeIds().size(), draw.winners(), draw.seed());
        return draw;
    }

    /**
     * Nominates an applicant of the frame to win before the draw (指名), for staff. Under the frame's lock, as the draw
     * itself: a nomination either lands before the draw, which then seats it, or finds the frame drawn and is refused.
     * Nominees never outnumber the free seats, so a nomination is never a promise the draw cannot keep.
     */
    public Nomination nominate(long organizationId, long frameId, long registrationId, Actor by) {
        inOrganization(organizationId, frameId);
        return transaction.execute(status -> {
            Frame frame = lockUndrawn(frameId);
            Registration registration = applicantOf(frameId, registrationId);
            if (!registration.nominated()) {
                Integer seats = frame.capacity() == null ? null
                        : Math.max(0, frame.capacity() - queue.confirmed(frameId));
                if (seats != null && draws.nominations(frameId).size() >= seats) {
                    throw new ConflictException("registration", "lottery.nomination.no-seat", frame.name(), seats);
                }
            }
            // to the database's precision, so that the answer now and every later read agree
            if (registration.nominate(nameOf(by), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                registration = registrations.save(registration);
                publisher.publishEvent(new NominationChanged(organizationId, frameId, registrationId, true));
            }
            return new Nomination(registrationId, registration.nominatedBy(), registration.nominatedAt());
        });
    }

    /** Takes a nomination back before the draw; answers whether there was one. */
    public boolean withdrawNomination(long organizationId, long frameId, long registrationId) {
        inOrganization(organizationId, frameId);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            lockUndrawn(frameId);
            Registration registration = applicantOf(frameId, registrationId);
            if (!registration.withdrawNomination()) {
                return false;
            }
            registrations.save(registration);
            publisher.publishEvent(new NominationChanged(organizationId, frameId, registrationId, false));
            return true;
        }));
    }

    /** The frame's nominees waiting for the draw, in the order they will take seats. */
    public List<Nomination> nominations(long organizationId, long frameId) {
        inOrganization(organizationId, frameId);
        return draws.nominations(frameId);
    }

    private Frame lockUndrawn(long frameId) {
        queue.lock(frameId);
        Frame frame = events.frame(frameId).orElseThrow(() -> NotFoundException.of("frame", frameId));
        if (frame.mode() != FrameMode.LOTTERY) {
            throw new ConflictException("frame", "lottery.not-a-lottery");
        }
        if (draws.drawn(frameId)) {
            throw new ConflictException("frame", "lottery.already-drawn");
        }
        return frame;
    }

    private Registration applicantOf(long frameId, long registrationId) {
        return registrations.findById(registrationId)
                .filter(registration -> registration.frameId() == frameId)
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
    }

    /** Names the nominator as the audit log does: by account or token id, never by personal data. */
    private static String nameOf(Actor actor) {
        if (actor instanceof Actor.Staff staff) {
            return "account " + staff.accountId();
        }
        if (actor instanceof Actor.Token token) {
            return "token " + token.tokenId();
        }
        return "system";
    }

    private void announce(Registration registration, Change change) {
        publisher.publishEvent(new RegistrationChanged(registration, change));
    }

    private void inOrganization(long organizationId, long frameId) {
        events.frame(frameId)
                .filter(frame -> frame.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("frame", frameId));
    }
}
