package io.firstpin.identity;

import org.springframework.http.HttpMethod;

/**
 * An API call that needs no token. A module that offers one declares it as a bean, so that the security rules stay in
 * one place while each module owns its endpoints.
 */
public record PublicApiEndpoint(HttpMethod method, String pattern) {
}
