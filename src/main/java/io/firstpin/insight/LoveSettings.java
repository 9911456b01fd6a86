package io.firstpin.insight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How love (a member's heat for one community) is weighed: each activity at an event of the community counts its
 * weight, halved for every {@code halfLife} between the event and the day the candidates are looked at. See
 * docs/insight.md.
 *
 * @param window how far back activities are looked at; older ones weigh almost nothing anyway
 * @param recentEvents the "attended n of the last m events" of the reasons looks at this many last events
 * @param candidates how many candidates are listed, staff apart
 */
@ConfigurationProperties("firstpin.insight.love")
record LoveSettings(@DefaultValue("1") double attend, @DefaultValue("3") double lightningTalk,
        @DefaultValue("5") double caseStudy, @DefaultValue("2") double output, @DefaultValue("4") double organize,
        @DefaultValue("180d") Duration halfLife, @DefaultValue("1095d") Duration window,
        @DefaultValue("12") int recentEvents, @DefaultValue("10") int candidates) {
}
