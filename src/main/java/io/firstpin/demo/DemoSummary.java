package io.firstpin.demo;

/** What a demo generation wrote. */
public record DemoSummary(int communities, int members, int identities, int events, int sessions, int frames,
        int registrations, int attendances, int outputs, int feeds, int surveyAnswers, int audiences) {

    @Override
    public String toString() {
        return String.format("%d communities, %,d members (%,d identities), %,d events (%,d sessions, %,d frames), "
                + "%,d registrations, %,d attendances, %,d outputs (%,d feeds), %,d survey answers, %,d audiences",
                communities, members, identities, events, sessions, frames, registrations, attendances, outputs, feeds,
                surveyAnswers, audiences);
    }
}
