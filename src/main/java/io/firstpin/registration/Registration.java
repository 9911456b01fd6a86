package io.firstpin.registration;

import io.firstpin.platform.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's application (申込) to a frame of an event. Its status moves only through the methods below, which the
 * {@link Registrations} service calls while it holds the frame's lock.
 */
@Table("registration")
public class Registration extends AbstractAggregateRoot<Registration> {

    @Id
    private Long id;
    private final long organizationId;
    private final long eventId;
    private long frameId;
    private final long memberId;
    private String name;
    private String email;
    private RegistrationStatus status;
    private Integer waitlistPosition;
    private String manageTokenHash;
    private Instant registeredAt;
    private Instant cancelledAt;
    private CancelReason cancelReason;
    private String locale;
    private Instant reconfirmRequestedAt;
    private Instant reconfirmedAt;
    // the normalised email while this registration holds the email's one place at the event
    private String emailKey;
    // the hash of the private link sent by email, the one that proves the email (see EmailProofs)
    private String proofTokenHash;
    // who picked this applicant to win the frame's lottery before the draw (指名), as the audit log names them
    private String nominatedBy;
    private Instant nominatedAt;
    // the 受付番号: 1, 2, 3 … per event in registration order; kept when a cancelled registrant applies again
    private Integer receptionNumber;

    @PersistenceCreator
    Registration(Long id, long organizationId, long eventId, long frameId, long memberId, String name, String email,
            RegistrationStatus status, Integer waitlistPosition, String manageTokenHash, Instant registeredAt,
            Instant cancelledAt, CancelReason cancelReason, String locale, Instant reconfirmRequestedAt,
            Instant reconfirmedAt, String emailKey, String proofTokenHash, String nominatedBy, Instant nominatedAt,
            Integer receptionNumber) {
        this.id = id;
        this.organizationId = organizationId;
        this.eventId = eventId;
        this.frameId = frameId;
        this.memberId = memberId;
        this.name = name;
        this.email = email;
        this.status = status;
        this.waitlistPosition = waitlistPosition;
        this.manageTokenHash = manageTokenHash;
        this.registeredAt = registeredAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.locale = locale;
        this.reconfirmRequestedAt = reconfirmRequestedAt;
        this.reconfirmedAt = reconfirmedAt;
        this.emailKey = emailKey;
        this.proofTokenHash = proofTokenHash;
        this.nominatedBy = nominatedBy;
        this.nominatedAt = nominatedAt;
        this.receptionNumber = receptionNumber;
    }

    /**
     * A new application. {@code manageTokenHash} is the hash of the link answered to whoever registered;
     * {@code proofTokenHash} that of the link emailed to the applicant's address.
     */
    static Registration apply(long organizationId, long eventId, long frameId, long memberId, Applicant applicant,
            String manageTokenHash, String proofTokenHash, Instant now) {
        Registration registration = new Registration(null, organizationId, eventId, frameId, memberId,
                applicant.name(), applicant.email(), null, null, manageTokenHash, now, null, null,
                applicant.locale().toLanguageTag(), null, null, applicant.emailKey(), proofTokenHash, null, null, null);
        registration.moveTo(RegistrationStatus.APPLIED);
        return registration;
    }

    /** Every change of status goes through here, so that whoever follows attendance hears of it when it is saved. */
    private void moveTo(RegistrationStatus next) {
        this.status = next;
        registerEvent(new RegistrationStatusChanged(eventId, memberId, next));
    }

    /**
     * A person who cancelled applies again: the same row starts over at the end of the queue, with a new manage link.
     */
    void reapply(long newFrameId, Applicant applicant, String newManageTokenHash, String newProofTokenHash,
            Instant now) {
        if (active()) {
            throw new ConflictException("email", "registration.duplicate");
        }
        this.frameId = newFrameId;
        this.name = applicant.name();
        this.email = applicant.email();
        moveTo(RegistrationStatus.APPLIED);
        this.waitlistPosition = null;
        this.manageTokenHash = newManageTokenHash;
        this.registeredAt = now;
        this.cancelledAt = null;
        this.cancelReason = null;
        this.locale = applicant.locale().toLanguageTag();
        this.reconfirmRequestedAt = null;
        this.reconfirmedAt = null;
        this.emailKey = applicant.emailKey();
        this.proofTokenHash = newProofTokenHash;
        // a nomination was for the application cancelled, not for this one
        this.nominatedBy = null;
        this.nominatedAt = null;
    }

    void confirm() {
        moveTo(RegistrationStatus.CONFIRMED);
        this.waitlistPosition = null;
    }

    /** Joins the end of the waitlist; {@code queueNumber} orders the waitlist and only grows. */
    void waitlist(int queueNumber) {
        moveTo(RegistrationStatus.WAITLISTED);
        this.waitlistPosition = queueNumber;
    }

    /** Stays applied: the frame's lottery has not been drawn yet. */
    void awaitDraw() {
        moveTo(RegistrationStatus.APPLIED);
        this.waitlistPosition = null;
    }

    /**
     * Picked by staff to win the frame's lottery before the draw (指名). Only an application waiting for the draw can
     * be; nominating it again keeps the first nomination.
     *
     * @return whether it was nominated now
     */
    boolean nominate(String by, Instant now) {
        if (status != RegistrationStatus.APPLIED) {
            throw new ConflictException("registration", "lottery.nomination.not-applied");
        }
        if (nominated()) {
            return false;
        }
        this.nominatedBy = by;
        this.nominatedAt = now;
        return true;
    }

    /** @return whether there was a nomination to take back */
    boolean withdrawNomination() {
        if (status != RegistrationStatus.APPLIED) {
            throw new ConflictException("registration", "lottery.nomination.not-applied");
        }
        boolean was = nominated();
        this.nominatedBy = null;
        this.nominatedAt = null;
        return was;
    }

    /** Takes the event's next 受付番号, unless this registration has one from an earlier application. */
    void numberIfNew(IntSupplier next) {
        if (receptionNumber == null) {
            this.receptionNumber = next.getAsInt();
        }
    }

    /** The 受付番号 the registrant tells at the door; null only for rows the demo generator writes by itself. */
    public Integer receptionNumber() {
        return receptionNumber;
    }

    public boolean nominated() {
        return nominatedAt != null;
    }

    public String nominatedBy() {
        return nominatedBy;
    }

    public Instant nominatedAt() {
        return nominatedAt;
    }

    /** @return whether a seat was freed */
    boolean cancel(Instant now, CancelReason reason) {
        if (status == RegistrationStatus.CANCELLED) {
            return false;
        }
        boolean heldSeat = status == RegistrationStatus.CONFIRMED;
        moveTo(RegistrationStatus.CANCELLED);
        this.waitlistPosition = null;
        this.cancelledAt = now;
        this.cancelReason = reason;
        return heldSeat;
    }

    /**
     * Asks a confirmed registrant to say they still come; only those asked can lose their seat for not answering.
     *
     * @return whether they were asked now (not before, not reconfirmed already, and holding a seat)
     */
    boolean askToReconfirm(Instant now) {
        if (status != RegistrationStatus.CONFIRMED || reconfirmRequestedAt != null || reconfirmedAt != null) {
            return false;
        }
        this.reconfirmRequestedAt = now;
        return true;
    }

    /** The registrant says they still come; only a confirmed registration can, and saying it twice changes nothing. */
    void reconfirm(Instant now) {
        if (status != RegistrationStatus.CONFIRMED) {
            throw new ConflictException("registration", "registration.reconfirm.not-confirmed");
        }
        if (reconfirmedAt == null) {
            this.reconfirmedAt = now;
        }
    }

    /** Asked to reconfirm, still holding the seat, and silent: at the deadline the seat goes to the waitlist. */
    public boolean awaitsReconfirmation() {
        return status == RegistrationStatus.CONFIRMED && reconfirmRequestedAt != null && reconfirmedAt == null;
    }

    public boolean active() {
        return status != RegistrationStatus.CANCELLED && status != RegistrationStatus.LOST;
    }

    public Long id() {
        return id;
    }

    /** The id the database gave a row inserted without Spring Data ({@link RegistrationInserts}). */
    void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("registration " + id + " exists already");
        }
        this.id = newId;
    }

    /**
     * The domain events registered since the last save, handed over once: a row inserted without Spring Data has them
     * published by its inserter, as Spring Data publishes them on save.
     */
    List<Object> takeEvents() {
        List<Object> events = List.copyOf(domainEvents());
        clearDomainEvents();
        return events;
    }

    String localeTag() {
        return locale;
    }

    public long organizationId() {
        return organizationId;
    }

    public long eventId() {
        return eventId;
    }

    public long frameId() {
        return frameId;
    }

    public long memberId() {
        return memberId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public RegistrationStatus status() {
        return status;
    }

    /** The order key of a waitlisted registration; its position is its rank among the frame's waitlist. */
    Integer queueNumber() {
        return waitlistPosition;
    }

    String manageTokenHash() {
        return manageTokenHash;
    }

    String proofTokenHash() {
        return proofTokenHash;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    /** The normalized email the registration holds its place at the event with; null once that place was freed. */
    String emailKey() {
        return emailKey;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public Instant reconfirmRequestedAt() {
        return reconfirmRequestedAt;
    }

    public Instant reconfirmedAt() {
        return reconfirmedAt;
    }

    public Locale locale() {
        return locale == null ? Locale.JAPANESE : Locale.forLanguageTag(locale);
    }
}
