package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.LOTTERY_DRAW;
import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.EventFrames;
import io.firstpin.platform.db.tables.records.LotteryDrawRecord;
import io.firstpin.registration.LotteryDraw;
import io.firstpin.registration.Nomination;
import io.firstpin.registration.RegistrationStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The recorded lottery draws, and the questions asked before drawing: who applied, who was nominated. */
@Repository
public class LotteryDraws {

    private final DSLContext db;
    private final EventFrames frames;

    LotteryDraws(DSLContext db, EventFrames frames) {
        this.db = db;
        this.frames = frames;
    }

    public boolean drawn(long frameId) {
        return db.fetchExists(LOTTERY_DRAW, LOTTERY_DRAW.FRAME_ID.eq(frameId));
    }

    /** Records the draw; a second draw of the same frame fails on the unique frame id. */
    public LotteryDraw add(LotteryDraw draw) {
        long id = db.insertInto(LOTTERY_DRAW)
                .set(LOTTERY_DRAW.ORGANIZATION_ID, draw.organizationId())
                .set(LOTTERY_DRAW.FRAME_ID, draw.frameId())
                .set(LOTTERY_DRAW.SEED, draw.seed())
                .set(LOTTERY_DRAW.ALGORITHM, draw.algorithm())
                .set(LOTTERY_DRAW.DRAWN_AT, draw.drawnAt().atOffset(ZoneOffset.UTC))
                .set(LOTTERY_DRAW.APPLICANTS, draw.applicants())
                .set(LOTTERY_DRAW.WINNERS, draw.winners())
                .set(LOTTERY_DRAW.APPLICANT_IDS, join(draw.applicantIds()))
                .set(LOTTERY_DRAW.DRAW_ORDER, join(draw.drawOrder()))
                .set(LOTTERY_DRAW.NOMINEE_IDS, join(draw.nomineeIds()))
                .set(LOTTERY_DRAW.NOMINATED_BY, String.join(",", draw.nominatedBy()))
                .returning(LOTTERY_DRAW.ID)
                .fetchOne(LOTTERY_DRAW.ID);
        return draw.withId(id);
    }

    public Optional<LotteryDraw> ofFrame(long frameId) {
        return db.selectFrom(LOTTERY_DRAW)
                .where(LOTTERY_DRAW.FRAME_ID.eq(frameId))
                .fetchOptional()
                .map(LotteryDraws::toDraw);
    }

    /** Lottery frames whose time has come and that are not drawn yet, the longest overdue first. */
    public List<Long> due(Instant now) {
        return frames.lotteriesDueBy(now, DSL.select(LOTTERY_DRAW.FRAME_ID).from(LOTTERY_DRAW));
    }

    /** The registrations waiting for the frame's draw, by ascending id. */
    public List<Long> applicants(long frameId) {
        return db.select(REGISTRATION.ID)
                .from(REGISTRATION)
                .where(REGISTRATION.FRAME_ID.eq(frameId))
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.APPLIED.name()))
                .orderBy(REGISTRATION.ID)
                .fetch(REGISTRATION.ID);
    }

    /**
     * The frame's applicants nominated to win, in the order they take seats: the earliest nomination first. A
     * nomination whose registration no longer waits for the draw (cancelled, moved) counts for nothing.
     */
    public List<Nomination> nominations(long frameId) {
        return db.select(REGISTRATION.ID, REGISTRATION.NOMINATED_BY, REGISTRATION.NOMINATED_AT)
                .from(REGISTRATION)
                .where(REGISTRATION.FRAME_ID.eq(frameId))
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.APPLIED.name()))
                .and(REGISTRATION.NOMINATED_AT.isNotNull())
                .orderBy(REGISTRATION.NOMINATED_AT, REGISTRATION.ID)
                .fetch(row -> new Nomination(row.value1(), row.value2(), row.value3().toInstant()));
    }

    private static LotteryDraw toDraw(LotteryDrawRecord row) {
        return new LotteryDraw(row.getId(), row.getOrganizationId(), row.getFrameId(), row.getSeed(),
                row.getAlgorithm(), row.getDrawnAt().toInstant(), split(row.getNomineeIds()),
                row.getNominatedBy().isEmpty() ? List.of() : List.of(row.getNominatedBy().split(",")),
                split(row.getApplicantIds()), split(row.getDrawOrder()), row.getWinners());
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }
}
