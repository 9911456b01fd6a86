package io.firstpin.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the love-and-reach quadrant is split (docs/insight.md): fixed thresholds, or when left empty the median of
 * the members on the chart.
 *
 * @param love love at or above which a member is high-love; null for the median
 * @param reach reach at or above which a member is high-reach; null for the median
 * @param top how many members each quadrant's table lists
 */
@ConfigurationProperties("firstpin.insight.quadrant")
record QuadrantSettings(Double love, Long reach, @DefaultValue("10") int top) {
}
