package io.firstpin.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param newcomerBandMin the lowest newcomer ratio of a healthy meetup
 * @param newcomerBandMax the highest
 */
@ConfigurationProperties("firstpin.insight")
record InsightSettings(@DefaultValue("0.4") double newcomerBandMin, @DefaultValue("0.6") double newcomerBandMax) {

    NewcomerBand newcomerBand() {
        return new NewcomerBand(newcomerBandMin, newcomerBandMax);
    }
}
