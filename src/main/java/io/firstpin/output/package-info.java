/**
 * Outputs (アウトプット): blog posts, slides, videos, social posts and media articles, linked to the events they report
 * on; members' feeds, the linking rules, the event page's reports, and the nudge to write one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Output")
package io.firstpin.output;
