/**
 * History (過去イベントの取り込み): imports of past events from connpass, Doorkeeper and Meetup exports, each file
 * checked completely and then applied whole or not at all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History")
package io.firstpin.history;
