/**
 * Members: the people an organization knows, with the identities (email, connpass, social handles, blog feed) they are found by.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member")
package io.firstpin.member;
