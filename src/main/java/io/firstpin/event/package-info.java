/**
 * Events: study sessions, big events, online sessions and after-parties, with their venue, agenda and frames (参加枠).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event")
package io.firstpin.event;
