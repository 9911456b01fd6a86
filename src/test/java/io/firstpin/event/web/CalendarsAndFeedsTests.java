package io.firstpin.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.SessionKind;
import io.firstpin.event.SessionPlan;
import io.firstpin.event.Venue;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.platform.geo.Prefecture;
import io.firstpin.testing.DatabaseTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class CalendarsAndFeedsTests {

    /** FIRSTPIN_BASE_URL of the test configuration; UIDs and tag URIs take its host. */
    private static final String BASE_URL = "http://firstpin.test";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String SPEAKER_EMAIL = "hanako@example.jp";
    private static final String LONG_JAPANESE_TITLE =
            "JAWS-UG 東京 第50回記念 コミュニティマーケティング実践編:ブログ書くまでが勉強会、懇親会まで含めて学ぶ一日";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Members members;
    @Autowired
    JsonMapper json;

    Organization organization;
    Community tokyo;

    @BeforeEach
    void aCommunityInTokyo() {
        String suffix = String.valueOf(System.nanoTime());
        organization = organizations.found(new Slug("org-" + suffix), "Org");
        tokyo = communities.start(organization.id(), new Slug("jaws-" + suffix),
                CommunityProfile.of("JAWS-UG 東京", "jawsug", "AWS を学ぶ人のために", "Asia/Tokyo"), null);
    }

    @Test
    void anEventsCalendarParsesBackWithItsUidStampZoneSummaryAndPlace() throws Exception {
        Event event = atVenue(tokyo, "CDK 入門", inDays(30));
        Instant asked = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        MockHttpServletResponse response = fetch("/e/" + event.id() + ".ics", "ja");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
        Calendar calendar = parse(response);
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(value(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(value(calendar, "PRODID")).isNotBlank();
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(zone -> value(zone, "TZID"))
                .containsExactly("Asia/Tokyo");
        VEvent entry = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(entry, "UID")).isEqualTo("event-" + event.id() + "@firstpin.test");
        assertThat(entry.getDateTimeStamp().getDate()).isBetween(asked, Instant.now().plusSeconds(1));
        DtStart<?> start = entry.getStartDate().orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Asia/Tokyo");
        assertThat(start.getValue()).isEqualTo(LocalDate.now(TOKYO).plusDays(30).format(BASIC_DATE) + "T190000");
        assertThat(entry.getSummary().getValue()).isEqualTo("CDK 入門");
        assertThat(entry.getLocation().getValue()).isEqualTo("目黒セントラルスクエア, 東京都, 品川区");
        assertThat(entry.getDescription().getValue())
                .isEqualTo("CDK を触ってみる会です。\n\n" + BASE_URL + "/e/" + event.id());
        assertThat(entry.getUrl().getValue()).isEqualTo(BASE_URL + "/e/" + event.id());
    }

    @Test
    void anOnlineEventIsLocatedOnlineAndNeverGivesAwayItsMeetingLink() throws Exception {
        Event event = online(tokyo, "オンライン LT 大会", inDays(10));

        String english = fetch("/e/" + event.id() + ".ics", "en").getContentAsString();
        String japanese = fetch("/e/" + event.id() + ".ics", "ja").getContentAsString();

        assertThat(english).contains("LOCATION:Online\r\n").doesNotContain("zoom.example");
        assertThat(japanese).contains("LOCATION:オンライン\r\n");
    }

    @Test
    void aLongJapaneseTitleIsFoldedAtSeventyFiveOctetsAndUnfoldsToTheSameTitle() throws Exception {
        Event event = atVenue(tokyo, LONG_JAPANESE_TITLE, inDays(5));

        String ics = fetch("/e/" + event.id() + ".ics", "ja").getContentAsString();

        assertThat(ics.split("\r\n")).allSatisfy(line -> {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        });
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + LONG_JAPANESE_TITLE + "\r\n");
        assertThat(parse(ics).getComponent("VEVENT").map(c -> ((VEvent) c).getSummary().getValue()))
                .contains(LONG_JAPANESE_TITLE);
    }

    @Test
    void theCommunityCalendarHoldsItsBranchesAndTheLastSixMonthsButNoOtherCommunity() throws Exception {
        Community osaka = branch("JAWS-UG 大阪", "Asia/Tokyo");
        Community unrelated = communities.start(organization.id(), new Slug("other-" + System.nanoTime()),
                CommunityProfile.of("Other", null, null, "Asia/Tokyo"), null);
        Event upcoming = atVenue(tokyo, "次回", inDays(20));
        Event ofTheBranch = atVenue(osaka, "大阪の回", inDays(40));
        Event lastMonth = atVenue(tokyo, "先月", inDays(-30));
        atVenue(tokyo, "昔の回", inDays(-250));
        atVenue(unrelated, "別コミュニティ", inDays(15));

        MockHttpServletResponse response = fetch("/c/" + tokyo.slug() + "/events.ics", "ja");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/calendar");
        Calendar calendar = parse(response);
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("JAWS-UG 東京");
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, "UID"))
                .containsExactly(uid(lastMonth), uid(upcoming), uid(ofTheBranch));
    }

    @Test
    void eachEventIsWrittenInTheTimeZoneOfItsOwnCommunity() throws Exception {
        Community berlin = branch("JAWS-UG Berlin", "Europe/Berlin");
        Event there = atVenue(berlin, "Berlin meetup", ZonedDateTime.of(LocalDate.now().plusYears(1).withMonth(7)
                .withDayOfMonth(1).atTime(19, 0), ZoneId.of("Europe/Berlin")).toInstant());

        Calendar calendar = parse(fetch("/c/" + tokyo.slug() + "/events.ics", "en"));

        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(zone -> value(zone, "TZID"))
                .containsExactly("Europe/Berlin");
        VEvent entry = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(entry, "UID")).isEqualTo(uid(there));
        assertThat(entry.getStartDate().orElseThrow().getParameter(Parameter.TZID).map(Parameter::getValue))
                .contains("Europe/Berlin");
        assertThat(entry.getStartDate().orElseThrow().getValue()).endsWith("T190000");
        assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo("Asia/Tokyo");
    }

    @Test
    void aZoneGivenByAnAliasIsWrittenUnderTheNameOfItsTimeZoneDefinition() throws Exception {
        Community japan = communities.start(organization.id(), new Slug("japan-" + System.nanoTime()),
                CommunityProfile.of("Japan zone", null, null, "Japan"), null);
        Event event = atVenue(japan, "別名のタイムゾーン", inDays(12));

        Calendar calendar = parse(fetch("/e/" + event.id() + ".ics", "ja"));

        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(zone -> value(zone, "TZID"))
                .containsExactly("Asia/Tokyo");
        DtStart<?> start = ((VEvent) calendar.getComponent("VEVENT").orElseThrow()).getStartDate().orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Asia/Tokyo");
        assertThat(start.getValue()).endsWith("T190000");
    }

    @Test
    void theAtomFeedListsOnlyUpcomingEventsSoonestFirstWithTheCommunityAsAuthor() throws Exception {
        Community osaka = branch("JAWS-UG 大阪", "Asia/Tokyo");
        atVenue(tokyo, "終わった回", inDays(-3));
        Event later = atVenue(tokyo, "二か月後", inDays(60));
        Event sooner = atVenue(osaka, "来週の大阪", inDays(7));

        MockHttpServletResponse response = fetch("/c/" + tokyo.slug() + "/events.atom", "ja");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.getContentAsString()));
        assertThat(feed.getTitle()).contains("JAWS-UG 東京");
        assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactly("来週の大阪", "二か月後");
        Entry first = feed.getEntries().get(0);
        assertThat(first.getId()).startsWith("tag:firstpin.test,").endsWith(":event-" + sooner.id());
        assertThat(first.getAlternateLinks()).singleElement()
                .satisfies(link -> assertThat(link.getHref()).isEqualTo(BASE_URL + "/e/" + sooner.id()));
        assertThat(first.getUpdated()).isNotNull();
        assertThat(first.getSummary().getValue()).contains("目黒セントラルスクエア").contains("東京都");
        assertThat(first.getAuthors()).singleElement().satisfies(author -> assertThat(author.getName()).isEqualTo("JAWS-UG 大阪"));
        assertThat(feed.getEntries().get(1).getId()).endsWith(":event-" + later.id());
    }

    @Test
    void noEmailAppearsInCalendarsFeedOrPageDataEvenWhenASpeakerHasOne() throws Exception {
        members.register(organization.id(), "山田 花子", List.of(IdentityInput.email(SPEAKER_EMAIL)));
        Event event = events.plan(tokyo, venueDetails("LT 大会", inDays(14)),
                List.of(new SessionPlan(SessionKind.LIGHTNING_TALK, "CDK で始める IaC", 5, List.of("山田 花子"), List.of())),
                List.of(), "一般枠");
        assertThat(events.speakerNames(event).values()).containsExactly("山田 花子");

        List<String> everything = List.of(
                fetch("/e/" + event.id() + ".ics", "ja").getContentAsString(),
                fetch("/c/" + tokyo.slug() + "/events.ics", "ja").getContentAsString(),
                fetch("/c/" + tokyo.slug() + "/events.atom", "ja").getContentAsString(),
                jsonLd(fetch("/e/" + event.id(), "ja").getContentAsString()));

        assertThat(everything).allSatisfy(text -> assertThat(text)
                .doesNotContain(SPEAKER_EMAIL).doesNotContain("example.jp").doesNotContainIgnoringCase("mailto:"));
    }

    @Test
    void theEventPageTellsLinkPreviewsAndSearchEnginesAboutTheEvent() throws Exception {
        Event event = atVenue(tokyo, "CDK 入門", inDays(30));

        MockHttpServletResponse response = fetch("/e/" + event.id(), "ja");

        String html = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(html)
                .contains("<meta property=\"og:title\" content=\"CDK 入門\">")
                .contains("<meta property=\"og:type\" content=\"website\">")
                .contains("<meta property=\"og:url\" content=\"" + BASE_URL + "/e/" + event.id() + "\">")
                .contains("<meta property=\"og:site_name\" content=\"Firstpin\">")
                .contains("<meta property=\"og:locale\" content=\"ja_JP\">")
                .contains("<meta name=\"twitter:card\" content=\"summary\">")
                .contains("<meta name=\"twitter:title\" content=\"CDK 入門\">")
                .containsPattern("<meta property=\"og:description\" content=\"[^\"]*目黒セントラルスクエア[^\"]*\">")
                .contains("href=\"/e/" + event.id() + ".ics\"");
        JsonNode data = json.readTree(jsonLd(html));
        assertThat(data.get("@type").asString()).isEqualTo("Event");
        assertThat(data.get("name").asString()).isEqualTo("CDK 入門");
        assertThat(data.get("startDate").asString()).isEqualTo(LocalDate.now(TOKYO).plusDays(30) + "T19:00:00+09:00");
        assertThat(data.get("endDate").asString()).endsWith("+09:00");
        assertThat(data.get("eventAttendanceMode").asString()).isEqualTo("https://schema.org/OfflineEventAttendanceMode");
        assertThat(data.get("eventStatus").asString()).isEqualTo("https://schema.org/EventScheduled");
        assertThat(data.at("/location/@type").asString()).isEqualTo("Place");
        assertThat(data.at("/location/address/addressRegion").asString()).isEqualTo("東京都");
        assertThat(data.at("/location/address/addressLocality").asString()).isEqualTo("品川区");
        assertThat(data.at("/location/address/addressCountry").asString()).isEqualTo("JP");
        assertThat(data.at("/organizer/name").asString()).isEqualTo("JAWS-UG 東京");
        assertThat(data.at("/organizer/url").asString()).isEqualTo(BASE_URL + "/c/" + tokyo.slug());
        assertThat(data.get("url").asString()).isEqualTo(BASE_URL + "/e/" + event.id());
        assertThat(data.at("/offers/0/name").asString()).isEqualTo("一般枠");
    }

    @Test
    void aHybridEventIsMixedWithBothAPlaceAndTheEventPageAsVirtualLocation() throws Exception {
        Event event = events.plan(tokyo, new EventDetails("ハイブリッド回", null, EventKind.STUDY_SESSION, inDays(9), null,
                new Venue("目黒セントラルスクエア", null, Prefecture.TOKYO, "品川区"), true, "https://zoom.example/j/1",
                Optional.empty()), List.of(), List.of(), "一般枠");

        JsonNode data = json.readTree(jsonLd(fetch("/e/" + event.id(), "en").getContentAsString()));

        assertThat(data.get("eventAttendanceMode").asString()).isEqualTo("https://schema.org/MixedEventAttendanceMode");
        assertThat(data.at("/location/0/@type").asString()).isEqualTo("Place");
        assertThat(data.at("/location/1/@type").asString()).isEqualTo("VirtualLocation");
        assertThat(data.at("/location/1/url").asString()).isEqualTo(BASE_URL + "/e/" + event.id());
        assertThat(data.toString()).doesNotContain("zoom.example");
    }

    @Test
    void aTitleThatClosesTheScriptElementCannotBreakOutOfTheEventData() throws Exception {
        String hostile = "</script><script>alert(1)</script><!--";
        Event event = atVenue(tokyo, hostile, inDays(3));

        String html = fetch("/e/" + event.id(), "en").getContentAsString();

        assertThat(html).doesNotContain("<script>alert(1)");
        assertThat(jsonLd(html)).doesNotContain("<");
        assertThat(json.readTree(jsonLd(html)).get("name").asString()).isEqualTo(hostile);
        assertThat(html).contains("<meta property=\"og:title\" content=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--\">");
    }

    @Test
    void theCommunityPageTellsLinkPreviewsAboutItAndOffersItsCalendarAndFeed() throws Exception {
        MockHttpServletResponse response = fetch("/c/" + tokyo.slug(), "ja");

        String html = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(html)
                .contains("<meta property=\"og:title\" content=\"JAWS-UG 東京\">")
                .contains("<meta property=\"og:description\" content=\"AWS を学ぶ人のために\">")
                .contains("<meta property=\"og:url\" content=\"" + BASE_URL + "/c/" + tokyo.slug() + "\">")
                .contains("<meta name=\"twitter:card\" content=\"summary\">")
                .contains("type=\"application/atom+xml\"")
                .contains("href=\"/c/" + tokyo.slug() + "/events.atom\"")
                .contains("href=\"/c/" + tokyo.slug() + "/events.ics\"")
                .contains("カレンダーに追加 (.ics)");
    }

    @Test
    void otherPagesKeepTheirHeadWithoutPreviewTags() throws Exception {
        String home = fetch("/", "en").getContentAsString();

        assertThat(home).contains("<title>").contains("firstpin.css").doesNotContain("og:title");
    }

    @Test
    void unknownEventsAndCommunitiesAnswer404AndAMalformedIdAnswers400() throws Exception {
        assertThat(fetch("/e/999999999.ics", "en").getStatus()).isEqualTo(404);
        assertThat(fetch("/c/no-such-community/events.ics", "en").getStatus()).isEqualTo(404);
        assertThat(fetch("/c/no-such-community/events.atom", "en").getStatus()).isEqualTo(404);
        assertThat(fetch("/e/twelve.ics", "en").getStatus()).isEqualTo(400);
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(path).header("Accept-Language", language)).andReturn().getResponse();
    }

    private Community branch(String name, String zone) {
        return communities.start(organization.id(), new Slug("branch-" + System.nanoTime()),
                CommunityProfile.of(name, null, null, zone), tokyo.slug());
    }

    private Event atVenue(Community community, String title, Instant startsAt) {
        return events.plan(community, venueDetails(title, startsAt), List.of(), List.of(), "一般枠");
    }

    private Event online(Community community, String title, Instant startsAt) {
        return events.plan(community, new EventDetails(title, null, EventKind.ONLINE, startsAt, null, null, true,
                "https://zoom.example/j/123", Optional.empty()), List.of(), List.of(), "一般枠");
    }

    private static EventDetails venueDetails(String title, Instant startsAt) {
        return new EventDetails(title, "CDK を触ってみる会です。", EventKind.STUDY_SESSION, startsAt, null,
                new Venue("目黒セントラルスクエア", null, Prefecture.TOKYO, "品川区"), false, null, Optional.empty());
    }

    /** 19:00 in Tokyo, some days from today (negative: in the past). */
    private static Instant inDays(int days) {
        return LocalDate.now(TOKYO).plusDays(days).atTime(19, 0).atZone(TOKYO).toInstant();
    }

    private static String uid(Event event) {
        return "event-" + event.id() + "@firstpin.test";
    }

    private static Calendar parse(MockHttpServletResponse response) throws Exception {
        return parse(response.getContentAsString());
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** The body of the page's one JSON-LD script element, up to the first thing that would close it. */
    private static String jsonLd(String html) {
        String opening = "<script type=\"application/ld+json\">";
        assertThat(html).containsOnlyOnce(opening);
        int start = html.indexOf(opening) + opening.length();
        return html.substring(start, html.indexOf("</script>", start));
    }

    private static String value(PropertyContainer container, String name) {
        return container.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }
}
