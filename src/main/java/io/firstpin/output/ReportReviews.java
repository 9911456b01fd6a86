package io.firstpin.output;

import io.firstpin.attendance.CheckedIn;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.identity.Reach;
import io.firstpin.member.Members;
import io.firstpin.output.internal.OutputQueries;
import io.firstpin.output.internal.OutputQueries.WaitingReport;
import io.firstpin.output.internal.OutputRepository;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.AttendanceLookup;
import io.firstpin.registration.Registration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of reports that registrants and members submit: a report is listed on the public event page, and counted
 * by the KPIs, once staff approve it, or (where the organization chose so) once its author's attendance is
 * confirmed. Rejecting a report is unlinking it ({@link Outputs#unlink}).
 */
@Service
public class ReportReviews {

    private final OutputRepository outputs;
    private final OutputQueries queries;
    private final Events events;
    private final Members members;
    private final AttendanceLookup attendance;

    ReportReviews(OutputRepository outputs, OutputQueries queries, Events events, Members members,
            AttendanceLookup attendance) {
        this.outputs = outputs;
        this.queries = queries;
        this.events = events;
        this.members = members;
        this.attendance = attendance;
    }

    public boolean publishesOnAttendance(long organizationId) {
        return queries.publishesOnAttendance(organizationId);
    }

    /** An organization admin chooses whether confirmed attendance is enough to publish a report. */
    @Transactional
    public void publishOnAttendance(long organizationId, boolean publish) {
        queries.publishOnAttendance(organizationId, publish);
    }

    /** Whether a report this registration submits now is published at once rather than waiting for staff. */
    boolean publishesAtOnce(Registration registration) {
        return publishesOnAttendance(registration.organizationId())
                && attendance.checkedInRegistrations(registration.eventId()).contains(registration.id());
    }

    /** The organization's reports waiting for review, oldest first, on the events of the communities in reach. */
    @Transactional(readOnly = true)
    public List<WaitingForReview> waiting(long organizationId, Reach reach) {
        List<WaitingReport> rows = queries.awaitingReview(organizationId);
        Map<Long, EventSummary> eventsInReach = rows.stream().map(WaitingReport::eventId).distinct()
                .map(events::summary).flatMap(Optional::stream)
                .filter(event -> event.organizationId() == organizationId && reach.covers(event.communityId()))
                .collect(Collectors.toMap(EventSummary::id, Function.identity()));
        List<WaitingReport> shown = rows.stream().filter(row -> eventsInReach.containsKey(row.eventId())).toList();
        Map<Long, Output> byId = outputs.findAllById(shown.stream().map(WaitingReport::outputId).distinct().toList())
                .stream().filter(output -> output.organizationId() == organizationId)
                .collect(Collectors.toMap(Output::id, Function.identity()));
        Map<Long, String> names = members.displayNames(organizationId, byId.values().stream()
                .map(Output::authorMemberId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return shown.stream().filter(row -> byId.containsKey(row.outputId()))
                .map(row -> {
                    Output output = byId.get(row.outputId());
                    return new WaitingForReview(eventsInReach.get(row.eventId()), new EventOutput(output,
                            output.linkTo(row.eventId()).orElseThrow(),
                            output.authorMemberId() == null ? null : names.get(output.authorMemberId())));
                })
                .toList();
    }

    /** Staff approve a report waiting for review: the event page lists it and the KPIs count it from now on. */
    @Transactional
    public Output approve(long organizationId, long eventId, long outputId) {
        Output output = outputs.findByOrganizationIdAndId(organizationId, outputId)
                .filter(found -> found.linkedTo(eventId))
                .orElseThrow(() -> NotFoundException.of("output " + outputId + " of event", eventId));
        if (output.approve(eventId)) {
            outputs.save(output);
        }
        return output;
    }

    /**
     * A checked-in author's waiting reports on the event are published, where the organization chose so; in the
     * check-in's own transaction, so that the two never disagree.
     */
    @EventListener
    void on(CheckedIn checkedIn) {
        Optional<EventSummary> event = events.summary(checkedIn.eventId());
        if (event.isEmpty() || !publishesOnAttendance(event.get().organizationId())) {
            return;
        }
        for (Output output : outputs.findAllById(queries.awaitingReviewBy(checkedIn.memberId(), checkedIn.eventId()))) {
            if (output.approve(checkedIn.eventId())) {
                outputs.save(output);
            }
        }
    }

    /** A report waiting for review, with the event it reports on. */
    public record WaitingForReview(EventSummary event, EventOutput entry) {
    }
}
