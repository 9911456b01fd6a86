package io.firstpin.insight;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A community (東京) and its branch (大阪) whose ladder is known to the day. Times are Tokyo times.
 *
 * <pre>
 * event  where  starts       attendees (counted)             also there, not counted       talks, outputs
 * t0     東京   2024-11-10   A B                             -                              -
 * t1     東京   2025-02-10   A C I, staff S                  D no-show, E waitlisted,       A's blog post (published 02-12)
 *                                                            F cancelled
 * t2     大阪   2025-03-10   B D I (no check-ins: confirmed) G cancelled                    B's case study; B's post unlinked
 * t3     東京   2025-05-10   A B C, staff S                  E lost the lottery             LTs by A, C and staff S; C's
 *                                                                                           report (no date: the event's);
 *                                                                                           H's post (05-12; H never came)
 * t5     大阪   2025-09-10   A B                             -                              A's case study
 * t4     東京   2026-01-20   D E                             -                              D's post (2026-01-21)
 * </pre>
 *
 * Leaders: staff S of 東京 from 2025-01-01, A of 東京 from 2025-10-01, G of 大阪 from 2026-02-01.
 */
public final class LadderHistory {

    public final CommunityHistory history;
    public final Community tokyo;
    public final Community osaka;
    public final long a;
    public final long b;
    public final long c;
    public final long d;
    public final long e;
    public final long f;
    public final long g;
    public final long h;
    public final long i;
    public final long staff;
    public final Held t1;
    public final Held t3;
    public final Held t5;

    public LadderHistory(DSLContext db, Communities communities, ApplicationEventPublisher events, Community tokyo) {
        this.tokyo = tokyo;
        history = new CommunityHistory(db, communities, events, tokyo);
        osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2024, 10, 1));
        a = history.member("A");
        b = history.member("B");
        c = history.member("C");
        d = history.member("D");
        e = history.member("E");
        f = history.member("F");
        g = history.member("G");
        h = history.member("H");
        i = history.member("I");
        staff = history.staffMember("社員 S");

        history.eventAt("2024-11-10T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        t1 = history.eventAt("2025-02-10T19:00", "JP-13", "渋谷区").checkedIn(a, c, i, staff).confirmed(d)
                .waitlisted(e).cancelled(f);
        t1.wrote(a, "BLOG", "https://blog.example.jp/a-t1", "2025-02-12T10:00");
        history.eventOf(osaka, "2025-03-10T19:00", "JP-27", "大阪市").confirmed(b, d, i).cancelled(g)
                .caseStudyBy(b).reportedBy(b, "https://blog.example.jp/b-t2", true);
        t3 = history.eventAt("2025-05-10T19:00", "JP-13", "渋谷区").checkedIn(a, b, c, staff).lostTheLottery(e)
                .lightningTalkBy(a).lightningTalkBy(c).lightningTalkBy(staff)
                .reportedBy(c, "https://blog.example.jp/c-t3", false);
        t3.wrote(h, "BLOG", "https://blog.example.jp/h-t3", "2025-05-12T10:00");
        t5 = history.eventOf(osaka, "2025-09-10T19:00", "JP-27", "大阪市").checkedIn(a, b).caseStudyBy(a);
        history.eventAt("2026-01-20T19:00", "JP-13", "渋谷区").checkedIn(d, e)
                .wrote(d, "BLOG", "https://blog.example.jp/d-t4", "2026-01-21T10:00");
        history.leader(staff, "2025-01-01", null);
        history.leader(a, "2025-10-01", null);
        history.leaderOf(osaka, g, "2026-02-01", null);
    }
}
