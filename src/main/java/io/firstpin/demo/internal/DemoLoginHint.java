package io.firstpin.demo.internal;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.identity.LoginHint;
import io.firstpin.organization.Organizations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Shows the demo account on the login page while the demo organization exists. */
@Component
class DemoLoginHint implements LoginHint.Source {

    private final Organizations organizations;

    DemoLoginHint(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public Optional<LoginHint> hint() {
        return organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG)
                .map(demo -> new LoginHint(DemoDataGenerator.ADMIN_EMAIL, DemoDataGenerator.ADMIN_PASSWORD));
    }
}
