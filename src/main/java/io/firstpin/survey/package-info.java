/**
 * Surveys (アンケート) after an event: the default questions (NPS, CES, heat, what was best, a comment, "I'd like to
 * give an LT" with its topic, "I'd like to help organise"), reworded or switched off per event, and the event's own
 * questions; one response per registration of an attendee, the email that asks for it, the results per event, and the
 * volunteers for talks and organising.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Survey")
package io.firstpin.survey;
