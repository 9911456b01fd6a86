package io.firstpin.identity.internal;

import io.firstpin.identity.PublicApiEndpoint;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Collects the API calls other modules declare as open to anyone (e.g. public registration). */
@Component
class PublicApiEndpoints {

    private final ObjectProvider<PublicApiEndpoint> endpoints;

    PublicApiEndpoints(ObjectProvider<PublicApiEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    List<PublicApiEndpoint> patterns() {
        return endpoints.orderedStream().toList();
    }
}
