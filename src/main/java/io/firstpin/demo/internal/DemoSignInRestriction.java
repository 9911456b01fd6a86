package io.firstpin.demo.internal;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.identity.SignInAddresses;
import io.firstpin.identity.SignInRestriction;
import io.firstpin.platform.PublicUrls;
import org.springframework.stereotype.Component;

/**
 * The demo accounts' fixed password, printed in the README, works only for a visitor on this machine of an
 * application whose base URL is local; reached any other way it is refused like a wrong password.
 */
@Component
class DemoSignInRestriction implements SignInRestriction {

    private final PublicUrls urls;

    DemoSignInRestriction(PublicUrls urls) {
        this.urls = urls;
    }

    @Override
    public boolean refuses(String email, String password, boolean fromLoopback) {
        return DemoDataGenerator.ACCOUNT_EMAILS.contains(email) && DemoDataGenerator.ADMIN_PASSWORD.equals(password)
                && !(fromLoopback && SignInAddresses.localBaseUrl(urls.base()));
    }
}
