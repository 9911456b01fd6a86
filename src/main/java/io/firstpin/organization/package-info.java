/**
 * Organizations: the tenants. Everything else belongs to exactly one; staff accounts and API tokens are managed here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package io.firstpin.organization;
