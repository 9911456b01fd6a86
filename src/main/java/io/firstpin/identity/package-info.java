/**
 * Who is calling: staff accounts with roles per organization, API tokens, login, and the access checks every module uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.firstpin.identity;
