/**
 * My page (マイページ): what a member sees of themselves on an organization's site, and their email preferences, reached
 * by the private link every non-transactional email carries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "My page")
package io.firstpin.mypage;
