package io.firstpin.insight;

/** The leader side of a community's report over a period: its bench and its self-running index. */
public record LeaderReport(LeaderBench bench, SelfRunning selfRunning) {
}
