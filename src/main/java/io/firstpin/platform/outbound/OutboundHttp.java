package io.firstpin.platform.outbound;

import io.firstpin.platform.outbound.OutboundException.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the application fetches from other sites (feeds, link previews), guarded against being turned against
 * its own network (server-side request forgery): before every hop, the first request and each redirect, the host is
 * resolved and refused when any of its addresses is not public (see {@link NetworkAddresses}), unless
 * {@code firstpin.outbound.allow-private-networks} is set. Redirects are followed here, never by the HTTP client, so
 * that no hop escapes the check. Each hop has a connect timeout and a deadline for the whole answer, and a body larger
 * than the limit is dropped while it arrives.
 *
 * <p>The HTTP client resolves the host again when it connects; the JVM caches successful lookups (30 seconds by
 * default), so it connects to the addresses just checked rather than to a rebound name.
 */
public class OutboundHttp {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final OutboundProperties properties;
    private final HostResolver resolver;
    private final HttpClient client;

    OutboundHttp(OutboundProperties properties, HostResolver resolver, HttpClient client) {
        this.properties = properties;
        this.resolver = resolver;
        this.client = client;
    }

    /** The client as the application uses it: system DNS, direct connections. */
    public static OutboundHttp create(OutboundProperties properties) {
        return new OutboundHttp(properties, HostResolver.SYSTEM, clientBuilder(properties).build());
    }

    static HttpClient.Builder clientBuilder(OutboundProperties properties) {
        // no proxy unless one is configured: the JVM's default would follow system properties nobody chose for this
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .proxy(properties.proxy() == null ? HttpClient.Builder.NO_PROXY
                        : ProxySelector.of(new InetSocketAddress(properties.proxy().getHost(), properties.proxy().getPort())))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /**
     * Fetches the address with a GET, following redirects.
     *
     * @param headers extra request headers, e.g. {@code If-None-Match}
     * @return the last hop's answer, whatever its status
     * @throws OutboundException when no answer could be had, or the address is refused
     */
    public OutboundResponse get(String url, Map<String, String> headers) {
        URI current = parse(url);
        for (int redirects = 0; ; redirects++) {
            requireAllowed(current);
            HttpResponse<byte[]> response = send(current, headers);
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(response.statusCode()) || location == null) {
                return new OutboundResponse(current, response.statusCode(), response.headers(), response.body());
            }
            if (redirects >= properties.maxRedirects()) {
                throw new OutboundException(Problem.TOO_MANY_REDIRECTS,
                        "more than " + properties.maxRedirects() + " redirects from " + url);
            }
            current = redirectTarget(current, location);
        }
    }

    /** Throws unless the address is http(s) and its host resolves only to addresses the application may reach. */
    void requireAllowed(URI uri) {
        String host = uri.getHost();
        if (properties.allowPrivateNetworks()) {
            return;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (!properties.allowedPorts().contains(port)) {
            throw new OutboundException(Problem.REFUSED_ADDRESS, host + ":" + port + " is not on an allowed port");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new OutboundException(Problem.UNREACHABLE, "unknown host " + host, e);
        }
        for (InetAddress address : addresses) {
            if (!NetworkAddresses.isPublic(address)) {
                // the resolved address is never named: errors are stored and shown, and would map the inside
                throw new OutboundException(Problem.REFUSED_ADDRESS, host + " is not a public address");
            }
        }
    }

    private HttpResponse<byte[]> send(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("User-Agent", properties.userAgent())
                .GET();
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request.build(),
                CappedBody.handler(properties.maxResponseSize().toBytes()));
        try {
            return answer.get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new OutboundException(Problem.TIMEOUT, uri + " did not answer within " + properties.readTimeout(), e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new OutboundException(Problem.TIMEOUT, "interrupted while fetching " + uri, e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private static OutboundException failure(URI uri, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof CappedBody.TooLarge)
                && !(root instanceof HttpTimeoutException)) {
            root = root.getCause();
        }
        if (root instanceof CappedBody.TooLarge) {
            return new OutboundException(Problem.TOO_LARGE, uri + ": " + root.getMessage(), cause);
        }
        if (root instanceof HttpTimeoutException) {
            return new OutboundException(Problem.TIMEOUT, uri + " timed out", cause);
        }
        // the cause's own message may name the address the host resolved to, so only its kind is told
        if (root instanceof IOException) {
            return new OutboundException(Problem.UNREACHABLE, uri.getHost() + " is unreachable ("
                    + root.getClass().getSimpleName() + ")", cause);
        }
        return new OutboundException(Problem.UNREACHABLE, uri.getHost() + " failed (" + root.getClass().getSimpleName()
                + ")", cause);
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            return checkedWebAddress(uri, url);
        } catch (URISyntaxException e) {
            throw new OutboundException(Problem.INVALID_URL, "not a web address: " + url, e);
        }
    }

    private static URI redirectTarget(URI from, String location) {
        try {
            return checkedWebAddress(from.resolve(new URI(location.strip())), location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new OutboundException(Problem.INVALID_URL, from + " redirected to an invalid address: " + location, e);
        }
    }

    private static URI checkedWebAddress(URI uri, String given) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new OutboundException(Problem.INVALID_URL, "not an http(s) address: " + given);
        }
        return uri;
    }
}
