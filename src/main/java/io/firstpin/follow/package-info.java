/**
 * Follows: members following communities to hear of their new events, and the count of followers over time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow")
package io.firstpin.follow;
