package io.firstpin.demo.internal;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.identity.LoginHint;
import io.firstpin.identity.SignInAddresses;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.PublicUrls;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Shows the demo account on the login page while the demo organization exists, only to a visitor on this machine of
 * an application whose base URL is local: anywhere else the page shows nothing.
 */
@Component
class DemoLoginHint implements LoginHint.Source {

    private final Organizations organizations;
    private final PublicUrls urls;

    DemoLoginHint(Organizations organizations, PublicUrls urls) {
        this.organizations = organizations;
        this.urls = urls;
    }

    @Override
    public Optional<LoginHint> hint(boolean fromLoopback) {
        if (!fromLoopback || !SignInAddresses.localBaseUrl(urls.base())) {
            return Optional.empty();
        }
        return organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG)
                .map(demo -> new LoginHint(DemoDataGenerator.ADMIN_EMAIL, DemoDataGenerator.ADMIN_PASSWORD));
    }
}
