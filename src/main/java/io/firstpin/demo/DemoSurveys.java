package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.DAY;
import static io.firstpin.demo.DemoSchedule.HOUR;

import io.firstpin.demo.DemoAftermath.Turnout;
import io.firstpin.demo.DemoPlan.Answer;
import io.firstpin.demo.DemoPlan.Event;
import io.firstpin.demo.DemoPlan.Session;
import io.firstpin.demo.DemoPlan.SessionKind;
import io.firstpin.demo.DemoPlan.SurveyRound;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The survey after each past event, as the survey module runs it: the email round two hours after the end, then one
 * response per attendee's registration from a share of the attendees within the fortnight the survey is open. Every
 * event has its own quality, so NPS, CES (1 very hard … 7 very easy) and heat (1–5) differ from event to event around
 * a good community's figures; a few respondents answer anonymously, a few volunteer for an LT or to help organise.
 */
record DemoSurveys(List<SurveyRound> rounds, List<Answer> answers) {

    /** The survey module's defaults: the email two hours after the end, answers for fourteen days. */
    static final long SEND_AFTER = 2 * HOUR;
    static final long OPEN_FOR = 14 * DAY;

    private static final String[] BEST = {"懇親会でいろいろな人と話せたこと", "事例セッションの生々しい話",
        "LT がどれも面白かった", "初参加でも話しかけてもらえたこと", "ハンズオンで手を動かせたこと",
        "運営の皆さんの雰囲気", "質疑応答が活発だったこと"};
    private static final String[] COMMENTS = {"また参加します！", "次回も楽しみにしています。",
        "会場が少し暑かったです。", "初心者向けの解説がもう少しあると嬉しいです。", "配信の音声が聞き取りにくい時がありました。",
        "タイムテーブル通りに進んでいて良かったです。", "LT 枠をもっと増やしてほしいです。", "運営ありがとうございました！",
        "資料の共有をお願いします。", "平日夜でも参加しやすい時間でした。"};
    private static final String[] TOPICS = {"Lambda で社内ツールを作った話", "コスト削減の取り組み",
        "初めての CDK", "マルチアカウント運用", "生成 AI を業務に入れてみた", "監視のはじめ方", "Step Functions 活用",
        "新人研修で AWS を教えた話"};

    static DemoSurveys plan(Turnout turnout, SplittableRandom random) {
        List<SurveyRound> rounds = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        List<Event> events = turnout.plan.events();
        long now = turnout.now;
        for (int e = 0; e < events.size(); e++) {
            Event event = events.get(e);
            long sentAt = event.endsAt() + SEND_AFTER;
            if (!turnout.counted(e) || sentAt > now || turnout.attendees[e].length == 0) {
                continue;
            }
            // the survey module sends every recent event's survey; older ones were run without it now and then
            boolean recent = event.endsAt() + OPEN_FOR > now;
            if (!recent && random.nextDouble() < 0.12) {
                continue;
            }
            rounds.add(new SurveyRound(e, sentAt, turnout.attendees[e].length));
            double quality = Math.max(-2, Math.min(1.5, DemoAftermath.gaussian(random) * 0.6 + 0.2));
            double share = recent ? Dice.between(random, 0.12, 0.3) : Dice.between(random, 0.2, 0.5);
            List<String> talks = talks(event);
            for (int r : turnout.attendees[e]) {
                if (random.nextDouble() >= share) {
                    continue;
                }
                long answeredAt = sentAt + (long) (DemoCast.exponential(random) * 20 * HOUR);
                if (answeredAt > Math.min(now, event.endsAt() + OPEN_FOR)) {
                    continue;
                }
                int person = event.registrations().get(r).person();
                answers.add(answer(e, turnout.firstRegistration[e] + r, person, turnout.attended[person], quality,
                        talks, answeredAt, random));
            }
        }
        return new DemoSurveys(List.copyOf(rounds), List.copyOf(answers));
    }

    private static Answer answer(int event, int registration, int person, int attended, double quality,
            List<String> talks, long answeredAt, SplittableRandom random) {
        boolean anonymous = random.nextDouble() < 0.12;
        // regulars like it more: they keep coming because they do
        double mood = quality + Math.min(0.6, 0.1 * (attended - 1)) + DemoAftermath.gaussian(random) * 0.7;
        int nps = mood > 0.35 ? 9 + (random.nextDouble() < 0.55 ? 1 : 0)
                : mood > -0.6 ? 7 + random.nextInt(2)
                : Dice.clamp(6 - (int) Math.floor(DemoCast.exponential(random) * 1.5), 0, 6);
        int ces = Dice.clamp((int) Math.round(5.4 + 0.5 * quality + DemoAftermath.gaussian(random) * 0.9), 1, 7);
        int heat = Dice.clamp((int) Math.round(3.9 + 0.5 * mood + DemoAftermath.gaussian(random) * 0.5), 1, 5);
        String best = null;
        double u = random.nextDouble();
        if (u < 0.3 && !talks.isEmpty()) {
            best = "「" + talks.get(random.nextInt(talks.size())) + "」";
        } else if (u < 0.55) {
            best = BEST[random.nextInt(BEST.length)];
        }
        String comment = random.nextDouble() < 0.25 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
        boolean speak = !anonymous && random.nextDouble() < 0.04 + Math.min(0.1, 0.02 * attended);
        String topic = speak && random.nextDouble() < 0.75 ? TOPICS[random.nextInt(TOPICS.length)] : null;
        boolean organise = !anonymous && random.nextDouble() < 0.015 + Math.min(0.05, 0.01 * attended);
        return new Answer(event, registration, person, nps, ces, heat, best, comment, speak, topic, organise, anonymous,
                answeredAt);
    }

    private static List<String> talks(Event event) {
        List<String> titles = new ArrayList<>();
        for (Session session : event.sessions()) {
            if (session.kind() == SessionKind.CASE_STUDY || session.kind() == SessionKind.LIGHTNING_TALK) {
                titles.add(session.title());
            }
        }
        return titles;
    }
}
