package io.firstpin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.history.ExportFiles;
import io.firstpin.history.HistoryImports;
import io.firstpin.history.ImportFormat;
import io.firstpin.history.ImportProgress;
import io.firstpin.output.OutputImports;
import io.firstpin.registration.RegistrationExports;
import io.firstpin.segment.SegmentMessages;
import io.firstpin.segment.Segments;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.ScopedOrganization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Imports, emails to segments, downloads of people's data and community settings reach the audit log, by ids and
 * counts only, never with the people's names or addresses.
 */
@DatabaseTest
@SpringBootTest
class AuditedActionsTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    AuditLog log;
    @Autowired
    HistoryImports historyImports;
    @Autowired
    OutputImports outputImports;
    @Autowired
    SegmentMessages segmentMessages;
    @Autowired
    Segments segments;
    @Autowired
    RegistrationExports registrationExports;
    @Autowired
    Communities communities;

    @Test
    void aHistoryImportIsLoggedWithItsCountsAndNoPersonalData() {
        ScopedOrganization org = ScopedOrganization.found(context, "audited-history");

        HistoryImports.IntoEvent imported = historyImports.importIntoNewEvent(org.tokyo(), "Past meetup",
                Instant.parse("2025-06-01T10:00:00Z"), ImportFormat.DOORKEEPER, null, "attendees.csv",
                ExportFiles.doorkeeperAttendees(), ImportProgress.NONE);

        AuditEntry entry = only(org, "history.imported");
        assertThat(entry.target()).isEqualTo("event " + imported.eventId());
        assertThat(entry.details()).contains("format=doorkeeper", "rows=3", "membersCreated=3")
                .doesNotContain("@", "attendees.csv");
    }

    @Test
    void anOutputImportIsLogged() {
        ScopedOrganization org = ScopedOrganization.found(context, "audited-outputs");

        outputImports.importFile(org.osaka(), "url,title\nhttps://example.com/posts/1,Slides\n"
                .getBytes(StandardCharsets.UTF_8));

        AuditEntry entry = only(org, "output.imported");
        assertThat(entry.target()).isEqualTo("community " + org.osaka().id());
        assertThat(entry.details()).contains("rows=1");
    }

    @Test
    void anEmailToASegmentIsLoggedWithItsRecipientCountNotItsText() {
        ScopedOrganization org = ScopedOrganization.found(context, "audited-segment-mail");

        segmentMessages.send(org.organization().id(), org.tokyoSegment().id(), "Next meetup", "See you soon.",
                "leader@example.com", Locale.ENGLISH);

        AuditEntry entry = only(org, "segment.emailed");
        assertThat(entry.target()).isEqualTo("segment " + org.tokyoSegment().id());
        assertThat(entry.details()).contains("recipients=2").doesNotContain("Next meetup", "@");
    }

    @Test
    void downloadsOfSegmentMembersAndOfRegistrantsAreLogged() {
        ScopedOrganization org = ScopedOrganization.found(context, "audited-exports");

        segments.export(org.organization().id(), org.osakaSegment().id(), "csv");
        registrationExports.ofEvent(org.organization().id(), org.osakaEvent());

        assertThat(only(org, "segment.exported").details()).contains("members=1", "format=csv");
        assertThat(only(org, "registrations.exported").target()).isEqualTo("event " + org.osakaEvent());
    }

    @Test
    void movingACommunityUnderAnotherIsLoggedSinceItWidensTheOthersLeaders() {
        ScopedOrganization org = ScopedOrganization.found(context, "audited-community");

        communities.describe(org.organization().id(), org.osaka().slug(),
                CommunityProfile.of("Osaka", null, null, "Asia/Tokyo"), org.tokyo().slug());

        AuditEntry entry = only(org, "community.described");
        assertThat(entry.target()).isEqualTo("community " + org.osaka().id());
        assertThat(entry.details()).isEqualTo("branchOf=" + org.tokyo().id());
        assertThat(log.page(org.organization().id(), new AuditFilter("community.started", null, null, null), 0, 10)
                .total()).isEqualTo(3);
    }

    private AuditEntry only(ScopedOrganization org, String action) {
        List<AuditEntry> entries = log.page(org.organization().id(), new AuditFilter(action, null, null, null), 0, 10)
                .entries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
