package io.firstpin.leadership;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param target how many active leaders a community should have; one alone is a one-person operation */
@ConfigurationProperties("firstpin.leaders")
record LeadershipSettings(@DefaultValue("3") int target) {
}
