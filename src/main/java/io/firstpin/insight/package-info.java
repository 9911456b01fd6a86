/**
 * Insight: the community KPIs of the method (newcomers, return rate, participants, repeaters, cohorts, footprint),
 * computed once for the dashboard, the API and the CSV exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package io.firstpin.insight;
