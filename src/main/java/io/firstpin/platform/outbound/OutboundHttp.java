package io.firstpin.platform.outbound;

import io.firstpin.platform.outbound.OutboundException.Problem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.Closer;

/**
 * The one way the application fetches from other sites (feeds, link previews), guarded against being turned against
 * its own network (server-side request forgery). Before every hop, the first request and each redirect, the host is
 * resolved once and refused when any of its addresses is not public (see {@link NetworkAddresses}), unless
 * {@code firstpin.outbound.allow-private-networks} is set; the connection then goes to exactly those addresses, never
 * to a second lookup of the name ({@link PinnedConnections}), so a DNS server that answers a public address first and
 * an internal one next reaches nothing. Redirects are followed here, never by the HTTP client, so that no hop escapes
 * the check. Each hop has a connect timeout and a deadline for the whole answer, and a body larger than the limit is
 * dropped while it arrives.
 */
public class OutboundHttp implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** Aborts exchanges that outlive their deadline; one daemon thread serves every client. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final OutboundProperties properties;
    private final HostResolver resolver;
    private final CloseableHttpClient client;

    OutboundHttp(OutboundProperties properties, HostResolver resolver, DetachedSocketFactory sockets) {
        this.properties = properties;
        this.resolver = resolver;
        this.client = PinnedConnections.client(properties, sockets);
    }

    /** The client as the application uses it: system DNS, direct connections. */
    public static OutboundHttp create(OutboundProperties properties) {
        return new OutboundHttp(properties, HostResolver.SYSTEM, PinnedConnections.DIRECT);
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
            OutboundResponse response = fetch(current, vettedAddresses(current), headers);
            String location = response.header("Location").orElse(null);
            if (!REDIRECTS.contains(response.status()) || location == null) {
                return response;
            }
            if (redirects >= properties.maxRedirects()) {
                throw new OutboundException(Problem.TOO_MANY_REDIRECTS,
                        "more than " + properties.maxRedirects() + " redirects from " + url);
            }
            current = redirectTarget(current, location);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /**
     * Resolves the host once and returns its addresses, each one the application may reach; throws when the port or
     * any address is not allowed.
     */
    List<InetAddress> vettedAddresses(URI uri) {
        String host = uri.getHost();
        if (!properties.allowPrivateNetworks() && !properties.allowedPorts().contains(port(uri))) {
            throw new OutboundException(Problem.REFUSED_ADDRESS, host + ":" + port(uri) + " is not on an allowed port");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare(host));
        } catch (UnknownHostException e) {
            throw new OutboundException(Problem.UNREACHABLE, "unknown host " + host, e);
        }
        if (addresses.isEmpty()) {
            throw new OutboundException(Problem.UNREACHABLE, "unknown host " + host);
        }
        if (!properties.allowPrivateNetworks()) {
            for (InetAddress address : addresses) {
                if (!NetworkAddresses.isPublic(address)) {
                    // the resolved address is never named: errors are stored and shown, and would map the inside
                    throw new OutboundException(Problem.REFUSED_ADDRESS, host + " is not a public address");
                }
            }
        }
        return List.copyOf(addresses);
    }

    /** One hop: tries the vetted addresses in turn until one accepts a connection, all within the hop's deadline. */
    private OutboundResponse fetch(URI uri, List<InetAddress> addresses, Map<String, String> headers) {
        AtomicReference<HttpGet> current = new AtomicReference<>();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            late.set(true);
            HttpGet request = current.get();
            if (request != null) {
                request.cancel();
            }
        }, properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            for (int i = 0; ; i++) {
                HttpGet request = new HttpGet(uri);
                headers.forEach(request::setHeader);
                current.set(request);
                if (late.get()) {
                    throw new OutboundException(Problem.TIMEOUT, uri + " did not answer within " + properties.readTimeout());
                }
                try {
                    HttpHost vetted = new HttpHost(uri.getScheme().toLowerCase(Locale.ROOT), addresses.get(i),
                            bare(uri.getHost()), port(uri));
                    return exchange(uri, vetted, request);
                } catch (ConnectException | ConnectTimeoutException | NoRouteToHostException notThisOne) {
                    if (i == addresses.size() - 1 || late.get()) {
                        throw notThisOne;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OutboundException refused) {
                throw refused;
            }
            throw failure(uri, e, late.get());
        } finally {
            deadline.cancel(false);
        }
    }

    private OutboundResponse exchange(URI uri, HttpHost target, HttpGet request) throws IOException {
        ClassicHttpResponse response = client.executeOpen(target, request, null);
        byte[] body;
        try {
            body = CappedBody.read(response.getEntity(), properties.maxResponseSize().toBytes());
        } catch (IOException | RuntimeException e) {
            // drops the connection, rather than reading the rest of a body nobody wants
            request.cancel();
            throw e;
        } finally {
            // the body is read whole or given up; a failure to close adds nothing to either
            Closer.closeQuietly(response);
        }
        return new OutboundResponse(uri, response.getCode(), headersOf(response), body);
    }

    private static HttpHeaders headersOf(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(new LinkedHashMap<>(headers), (name, value) -> true);
    }

    private OutboundException failure(URI uri, Exception cause, boolean late) {
        if (cause instanceof CappedBody.TooLarge) {
            return new OutboundException(Problem.TOO_LARGE, uri + ": " + cause.getMessage(), cause);
        }
        if (late || cause instanceof InterruptedIOException) {
            return new OutboundException(Problem.TIMEOUT, uri + " did not answer within " + properties.readTimeout(),
                    cause);
        }
        // the cause's own message may name the address the host resolved to, so only its kind is told
        return new OutboundException(Problem.UNREACHABLE, uri.getHost() + " is unreachable ("
                + cause.getClass().getSimpleName() + ")", cause);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The host without the brackets of an IPv6 literal. */
    private static String bare(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
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

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "outbound-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
