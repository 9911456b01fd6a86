/**
 * Segments: saved filters of a community's members (attended n events in the last months, output or not, talk or
 * not, love-and-reach quadrant), their members as CSV, and email to them, which members can unsubscribe from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Segment")
package io.firstpin.segment;
