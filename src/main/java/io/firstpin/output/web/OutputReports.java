package io.firstpin.output.web;

import io.firstpin.event.Events;
import io.firstpin.output.EventOutput;
import io.firstpin.output.Output;
import io.firstpin.output.OutputType;
import io.firstpin.output.Outputs;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The outputs the event module's pages show through this module's fragments: the public "Reports" list, and a
 * registrant's own reports on their private page. Available in templates as {@code @outputReports}.
 */
@Component("outputReports")
public class OutputReports {

    private final Outputs outputs;
    private final Events events;
    private final Clock clock;

    OutputReports(Outputs outputs, Events events, Clock clock) {
        this.outputs = outputs;
        this.events = events;
        this.clock = clock;
    }

    /** The event's reports as the public page lists them: title, author's display name, site; never an email. */
    public List<Report> of(long eventId) {
        return outputs.reports(eventId).stream().map(Report::of).toList();
    }

    /** Whether the registrant may add a report now: holding a seat (or attended), and the event has started. */
    public boolean accepts(Registration registration) {
        return registration.status() == RegistrationStatus.CONFIRMED
                && events.summary(registration.eventId()).map(e -> !e.startsAt().isAfter(clock.instant())).orElse(false);
    }

    public List<OutputType> types() {
        return List.of(OutputType.values());
    }

    public List<Report> submittedBy(Registration registration) {
        return outputs.byMemberForEvent(registration.organizationId(), registration.memberId(), registration.eventId())
                .stream().map(Report::of).toList();
    }

    /**
     * One line of the list; {@code type} is the output type's name, for its label; {@code awaitingReview} only ever
     * true in the author's own list.
     */
    public record Report(String title, String url, String type, String author, String site, boolean awaitingReview) {

        static Report of(EventOutput entry) {
            Output output = entry.output();
            return new Report(output.label(), output.url().url(), output.type().name(), entry.author(), output.site(),
                    entry.link().awaitingReview());
        }
    }
}
