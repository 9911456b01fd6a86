/**
 * Communities: user groups with an interest axis and a hashtag, and their branches (regional or topic chapters).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community")
package io.firstpin.community;
