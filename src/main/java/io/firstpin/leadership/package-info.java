/**
 * Leadership: the organizer roles (リーダー / 運営) members hold in a community, appointed and stepped down by staff,
 * with their history. The insight module reads them for the leader bench and the self-running index.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leadership")
package io.firstpin.leadership;
