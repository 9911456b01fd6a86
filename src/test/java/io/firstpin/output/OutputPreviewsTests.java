package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.LocalWebServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.outbound.allow-private-networks=true",
        "firstpin.outputs.preview-check-interval=1h"})
class OutputPreviewsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Outputs outputs;
    @Autowired
    OutputPreviews previews;

    private LocalWebServer blogs;
    private Organization organization;
    private Event event;

    @BeforeEach
    void aPastEventAndABlog() {
        blogs = LocalWebServer.start();
        Door door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        event = door.event(organization, Instant.now().minus(2, ChronoUnit.DAYS), 10);
    }

    @AfterEach
    void stopBlog() {
        blogs.close();
    }

    private Output submitted(String path, String title) {
        return outputs.submitByStaff(organization.id(), event.id(),
                new OutputSubmission(blogs.url(path), "blog", title, null));
    }

    @Test
    void aSubmittedLinkGetsItsPageTitleAndPictureOnceAndATypedTitleIsKept() {
        blogs.answer("/report", LocalWebServer.text(200, "text/html; charset=UTF-8", """
                <html><head><meta property="og:title" content="勉強会に行ってきた">
                <meta property="og:image" content="https://cdn.example.com/ogp.png"></head></html>"""));
        Output untitled = submitted("/report", null);
        Output titled = submitted("/report?again", "自分でつけた題");

        previews.fetchDue(10);
        previews.fetchDue(10);

        assertThat(outputs.inOrganization(organization.id(), untitled.id()).label()).isEqualTo("勉強会に行ってきた");
        assertThat(outputs.inOrganization(organization.id(), untitled.id()).previewImage())
                .isEqualTo("https://cdn.example.com/ogp.png");
        assertThat(outputs.inOrganization(organization.id(), titled.id()).label()).isEqualTo("自分でつけた題");
        assertThat(blogs.requests()).hasSize(2);
    }

    @Test
    void aPageThatIsMissingOrNotHtmlLeavesTheOutputAsItWas() {
        blogs.answer("/gone", LocalWebServer.text(404, "text/html", "<title>Not found</title>"));
        blogs.answer("/slides.pdf", LocalWebServer.text(200, "application/pdf", "%PDF-1.7"));
        Output gone = submitted("/gone", null);
        Output pdf = submitted("/slides.pdf", null);

        previews.fetchDue(10);

        assertThat(outputs.inOrganization(organization.id(), gone.id()).label()).isEqualTo(blogs.url("/gone"));
        assertThat(outputs.inOrganization(organization.id(), pdf.id()).previewImage()).isNull();
        assertThat(previews.fetchDue(10)).isZero();
    }
}
