package io.firstpin.demo.internal;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.identity.SignInAddresses;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's fixed password is for a laptop. When the base URL is not local, every demo account that still has it gets
 * a random password instead, written to the log once, at the start that replaced it.
 */
@Component
class DemoPasswords {

    private static final Logger log = LoggerFactory.getLogger(DemoPasswords.class);

    private final StaffAccounts accounts;
    private final PublicUrls urls;

    DemoPasswords(StaffAccounts accounts, PublicUrls urls) {
        this.accounts = accounts;
        this.urls = urls;
    }

    void secureUnlessLocal() {
        if (SignInAddresses.localBaseUrl(urls.base())) {
            return;
        }
        for (String email : DemoDataGenerator.ACCOUNT_EMAILS) {
            String random = Secrets.newSecret("demo-");
            if (accounts.replaceSeededPassword(email, DemoDataGenerator.ADMIN_PASSWORD, random)) {
                log.warn("The base URL {} is not local: demo account {} now has the password {} (shown this once)",
                        urls.base(), email, random);
            }
        }
    }
}
