package io.firstpin.segment.web;

import io.firstpin.identity.Role;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.MemberIdentity;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.CsvAttachment;
import io.firstpin.segment.SegmentMember;
import io.firstpin.segment.SegmentMembers;
import io.firstpin.segment.Segments;
import io.firstpin.segment.VisibleSegments;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A segment's members as CSV, for staff only: name, email and the other identities, and what put them in the
 * segment, and whether they unsubscribed from email to segments. Every text cell is made safe for spreadsheet
 * programs.
 */
@Controller
class SegmentCsvController {

    private final Organizations organizations;
    private final Segments segments;
    private final MessageSource messages;
    private final VisibleSegments visibleSegments;

    SegmentCsvController(Organizations organizations, Segments segments, MessageSource messages,
            VisibleSegments visibleSegments) {
        this.organizations = organizations;
        this.segments = segments;
        this.messages = messages;
        this.visibleSegments = visibleSegments;
    }

    @GetMapping("/manage/{org}/segments/{id}/members.csv")
    void csv(@PathVariable String org, @PathVariable long id, HttpServletResponse response) throws IOException {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleSegments.open(organization.id(), id, Role.VIEWER);
        SegmentMembers found = segments.export(organization.id(), id, "csv");
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = CsvAttachment.open(response, "segment-" + id + "-members.csv")) {
            csv.printRecord(Arrays.stream(new String[] {"member-id", "name", "email", "identities", "staff",
                    "events-since", "events-ever", "outputs", "talks", "quadrant", "opted-out"})
                    .map(c -> messages.getMessage("segment.column." + c, null, c, locale)).toList());
            for (SegmentMember m : found.members()) {
                csv.printRecord(m.id(), CsvAttachment.cell(m.displayName()),
                        CsvAttachment.cell(String.join(" ", m.emails())),
                        CsvAttachment.cell(m.member().identities().stream()
                                .filter(i -> i.kind() != IdentityKind.EMAIL)
                                .map(SegmentCsvController::identity).collect(Collectors.joining(" "))),
                        m.staff(), m.eventsSince(), m.eventsEver(), m.outputs(), m.talks(),
                        m.quadrant() == null ? "" : m.quadrant().name().toLowerCase(Locale.ROOT), m.optedOut());
            }
        }
    }

    private static String identity(MemberIdentity identity) {
        return identity.kind().apiName() + ":" + identity.value();
    }
}
