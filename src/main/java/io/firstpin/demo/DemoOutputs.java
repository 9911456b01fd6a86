package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.DAY;
import static io.firstpin.demo.DemoSchedule.HOUR;

import io.firstpin.demo.DemoAftermath.Turnout;
import io.firstpin.demo.DemoPlan.Event;
import io.firstpin.demo.DemoPlan.EventKind;
import io.firstpin.demo.DemoPlan.Feed;
import io.firstpin.demo.DemoPlan.Identity;
import io.firstpin.demo.DemoPlan.IdentityKind;
import io.firstpin.demo.DemoPlan.LinkedBy;
import io.firstpin.demo.DemoPlan.Material;
import io.firstpin.demo.DemoPlan.MaterialKind;
import io.firstpin.demo.DemoPlan.Output;
import io.firstpin.demo.DemoPlan.OutputKind;
import io.firstpin.demo.DemoPlan.OutputSource;
import io.firstpin.demo.DemoPlan.Person;
import io.firstpin.demo.DemoPlan.Session;
import io.firstpin.demo.DemoPlan.SessionKind;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Outputs about the past events, as the output module would have them: the slides and videos of the agenda (linked by
 * the agenda), posts from members' registered feeds (linked by the event's hashtag), reports attendees submitted
 * (approved) and media articles staff linked. Posts come in a burst after an event and decay: most within a week,
 * a few weeks later. Keen members write more often; some LT speakers write about their own talk.
 */
record DemoOutputs(List<Feed> feeds, List<Output> outputs, int[] feedOf) {

    private static final String[] REPORT_TITLES = {"%s に参加しました", "%s 参加レポート", "%s で学んだこと",
        "【レポート】%s", "%s に行ってきた", "%s 参加メモ"};
    private static final String[] PLATFORMS = {"https://zenn.example.dev/%s/articles/%s",
        "https://qiita.example.com/%s/items/%s", "https://note.example.com/%s/n/%s"};
    private static final String[] MEDIA_SITES = {"https://news.example.jp/articles/%s/%s",
        "https://it-media.example.com/news/%s/%s", "https://cloud-watch.example.jp/report/%s/%s"};
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyyMMdd");

    static DemoOutputs plan(Turnout turnout, SplittableRandom random) {
        List<Person> people = turnout.plan.people();
        int[] feedOf = new int[people.size()];
        Arrays.fill(feedOf, -1);
        List<String> feedUrls = new ArrayList<>();
        List<Integer> feedPeople = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            if (turnout.attended[p] > 0 && !people.get(p).staff()) {
                for (Identity identity : people.get(p).identities()) {
                    if (identity.kind() == IdentityKind.FEED) {
                        feedOf[p] = feedUrls.size();
                        feedUrls.add(identity.normalized());
                        feedPeople.add(p);
                    }
                }
            }
        }
        long[] lastPost = new long[feedUrls.size()];

        List<Output> outputs = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<Event> events = turnout.plan.events();
        for (int e = 0; e < events.size(); e++) {
            if (!turnout.counted(e)) {
                continue;
            }
            Event event = events.get(e);
            long now = turnout.now;
            for (Session session : event.sessions()) {
                agenda(e, event, session, now, random, taken, outputs);
                if (session.kind() == SessionKind.LIGHTNING_TALK && session.speakers().length > 0
                        && !people.get(session.speakers()[0]).staff() && random.nextDouble() < 0.3) {
                    int speaker = session.speakers()[0];
                    String title = event.title() + " で LT しました: " + session.title();
                    post(e, event, speaker, title, "lt", people, feedOf, feedUrls, lastPost, now, random, taken, outputs);
                }
            }
            double keen = event.kind() == EventKind.BIG_EVENT ? 1.6 : event.kind() == EventKind.ONLINE ? 0.6 : 1.0;
            for (int r : turnout.attendees[e]) {
                int person = event.registrations().get(r).person();
                double chance = Math.min(0.3, (0.02 + 0.012 * turnout.attended[person]) * keen
                        * (feedOf[person] >= 0 ? 1.8 : 1.0));
                if (random.nextDouble() < chance) {
                    String title = String.format(REPORT_TITLES[random.nextInt(REPORT_TITLES.length)], event.title());
                    post(e, event, person, title, "report", people, feedOf, feedUrls, lastPost, now, random, taken, outputs);
                }
            }
            int articles = event.kind() == EventKind.BIG_EVENT ? 2 + random.nextInt(3)
                    : random.nextDouble() < 0.04 ? 1 : 0;
            for (int a = 0; a < articles; a++) {
                long published = event.endsAt() + (1 + random.nextInt(10)) * DAY;
                if (published <= now) {
                    String url = String.format(MEDIA_SITES[random.nextInt(MEDIA_SITES.length)],
                            DAY_PATH.format(DemoSchedule.date(published)), "jaws-ug-" + e + "-" + a);
                    add(taken, outputs, new Output(OutputKind.MEDIA, url, event.title() + " 開催レポート", null,
                            published, OutputSource.STAFF, -1, e, LinkedBy.MANUAL, Math.min(now, published + DAY)));
                }
            }
        }
        List<Feed> feeds = new ArrayList<>(feedUrls.size());
        for (int f = 0; f < feedUrls.size(); f++) {
            int person = feedPeople.get(f);
            feeds.add(new Feed(person, feedUrls.get(f), turnout.plan.memberCreatedAt()[person] + DAY,
                    lastPost[f] == 0 ? null : Math.min(turnout.now, lastPost[f] + 2 * HOUR)));
        }
        return new DemoOutputs(List.copyOf(feeds), List.copyOf(outputs), feedOf);
    }

    /** The agenda's slides and videos count as outputs of the session's first speaker, as the output module takes them. */
    private static void agenda(int e, Event event, Session session, long now, SplittableRandom random,
            Set<String> taken, List<Output> outputs) {
        if (session.speakers().length == 0) {
            return;
        }
        for (Material material : session.materials()) {
            OutputKind kind = material.kind() == MaterialKind.SLIDES ? OutputKind.SLIDE
                    : material.kind() == MaterialKind.VIDEO ? OutputKind.VIDEO : null;
            if (kind != null) {
                String title = material.title() != null ? material.title() : session.title();
                add(taken, outputs, new Output(kind, material.url(), title, session.speakers()[0], event.startsAt(),
                        OutputSource.AGENDA, -1, e, LinkedBy.AGENDA,
                        Math.min(now, event.endsAt() + random.nextInt(72) * HOUR)));
            }
        }
    }

    /**
     * A post about the event: from the author's feed where they registered one, otherwise a report submitted with
     * the registration's private link and approved by staff. Published in a burst after the event that decays.
     */
    private static void post(int e, Event event, int author, String title, String what, List<Person> handles,
            int[] feedOf,
            List<String> feedUrls, long[] lastPost, long now, SplittableRandom random, Set<String> taken,
            List<Output> outputs) {
        long delay = random.nextDouble() < 0.92 ? (long) (DemoCast.exponential(random) * 36 * HOUR)
                : Dice.uniform(random, 7 * DAY, 30 * DAY);
        long published = event.endsAt() + HOUR + delay;
        if (published > now) {
            return;
        }
        String slug = "jawsug-" + e + "-" + what;
        int feed = feedOf[author];
        if (feed >= 0) {
            String base = feedUrls.get(feed);
            String url = base.substring(0, base.lastIndexOf('/')) + "/entry/" + slug;
            if (add(taken, outputs, new Output(OutputKind.BLOG, url, title, author, published, OutputSource.FEED, feed,
                    e, LinkedBy.HASHTAG, Math.min(now, published + 2 * HOUR)))) {
                lastPost[feed] = Math.max(lastPost[feed], published);
            }
            return;
        }
        String handle = handles.get(author).handle();
        boolean slides = random.nextDouble() < 0.12;
        String url = slides ? "https://speakerdeck.com/" + handle + "/" + slug
                : String.format(PLATFORMS[random.nextInt(PLATFORMS.length)], handle, slug);
        add(taken, outputs, new Output(slides ? OutputKind.SLIDE : OutputKind.BLOG, url, title, author, published,
                OutputSource.SUBMITTED, -1, e, LinkedBy.SUBMITTED, Math.min(now, published + random.nextInt(48) * HOUR)));
    }

    /** One output per address, as the organization's unique normalized address keeps it. */
    private static boolean add(Set<String> taken, List<Output> outputs, Output output) {
        if (!taken.add(output.url())) {
            return false;
        }
        outputs.add(output);
        return true;
    }
}
