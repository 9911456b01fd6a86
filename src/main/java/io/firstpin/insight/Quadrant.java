package io.firstpin.insight;

/**
 * Love and reach as two axes (docs/kpis.md): fans love the community without a large audience; champions have both;
 * influencers have an audience but little love; the rest neither yet.
 */
public enum Quadrant {
    CHAMPION, FAN, INFLUENCER, REST;

    static Quadrant of(boolean highLove, boolean highReach) {
        if (highLove) {
            return highReach ? CHAMPION : FAN;
        }
        return highReach ? INFLUENCER : REST;
    }
}
