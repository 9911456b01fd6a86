/**
 * Insight: the community KPIs of the method (newcomers, return rate, participants, repeaters, cohorts, footprint,
 * output rate and burst, survey scores, leader bench and self-running, the ladder), computed once for the dashboard, the
 * API and the CSV exports; the organization overview; each member's activity timeline and ladder step for the member
 * page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package io.firstpin.insight;
