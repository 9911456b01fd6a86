package io.firstpin.platform.outbound;

import static io.firstpin.testing.LocalWebServer.bytes;
import static io.firstpin.testing.LocalWebServer.chunked;
import static io.firstpin.testing.LocalWebServer.redirect;
import static io.firstpin.testing.LocalWebServer.slow;
import static io.firstpin.testing.LocalWebServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.outbound.OutboundException.Problem;
import io.firstpin.testing.LocalWebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * The guard against requests into the application's own network. Without internet access, "a public site" is a made-up
 * name that a test resolver maps to a public address, and a connection to a public address reaches a local server
 * standing in for the internet ({@link InternetStandIn}): the guard sees exactly what it would see in production, and
 * the local servers record whether a refused request got through.
 */
class OutboundGuardTests {

    private static final InetAddress PUBLIC_ADDRESS = address("93.184.215.14");

    private final LocalWebServer internet = LocalWebServer.start();

    @AfterEach
    void stop() {
        internet.close();
    }

    /** A guarded client whose DNS knows a few made-up names and whose public connections all reach the local server. */
    private OutboundHttp guardedOnTheInternet(OutboundProperties properties, Map<String, String> dns) {
        HostResolver resolver = host -> {
            String known = dns.get(host);
            return known != null ? List.of(address(known)) : HostResolver.SYSTEM.resolve(host);
        };
        return new OutboundHttp(properties, resolver, new InternetStandIn(internet));
    }

    private OutboundHttp guarded() {
        return guardedOnTheInternet(OutboundProperties.defaults(false),
                Map.of("blog.example", PUBLIC_ADDRESS.getHostAddress(), "intranet.example", "10.1.2.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://[::1]/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
            "http://192.168.0.10/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
            "http://localhost/", "http://intranet.example/"})
    void refusesLoopbackPrivateAndLinkLocalAddressesWithoutSendingAnything(String url) {
        assertThatThrownBy(() -> guarded().get(url, Map.of()))
                .isInstanceOf(OutboundException.class)
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThat(internet.requests()).isEmpty();
    }

    @Test
    void aRefusalNeverNamesTheInternalAddressANameResolvedTo() {
        assertThatThrownBy(() -> guarded().get("http://intranet.example/admin", Map.of()))
                .isInstanceOf(OutboundException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("intranet.example").doesNotContain("10.1.2.3"));
    }

    @Test
    void onlyPorts80And443AreFetchedUnlessConfigured() {
        assertThatThrownBy(() -> guarded().get("http://blog.example:8080/post", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThatThrownBy(() -> guarded().get("https://blog.example:22/", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThat(internet.requests()).isEmpty();
    }

    @Test
    void connectsToTheAddressItVettedWhenTheNameResolvesToLoopbackTheSecondTime() {
        try (LocalWebServer loopback = LocalWebServer.start()) {
            loopback.answer("/admin", text(200, "text/plain", "internal"));
            internet.answer("/admin", text(200, "text/plain", "public"));
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> List.of(lookups.getAndIncrement() == 0 ? PUBLIC_ADDRESS : address("127.0.0.1"));
            InternetStandIn network = new InternetStandIn(internet);
            OutboundHttp client = new OutboundHttp(onPorts(80, 443, loopback.port()), rebinding, network);

            OutboundResponse response = client.get("http://rebind.example:" + loopback.port() + "/admin", Map.of());

            assertThat(response.text()).isEqualTo("public");
            assertThat(loopback.requests()).isEmpty();
            assertThat(lookups).hasValue(1);
            assertThat(network.connections()).extracting(InetSocketAddress::getAddress).containsExactly(PUBLIC_ADDRESS);
        }
    }

    @Test
    void triesTheNextVettedAddressWhenOneRefusesTheConnection() {
        internet.answer("/post", text(200, "text/plain", "second address"));
        InetAddress unreachable = address("2001:4860:4860::8888");
        InternetStandIn network = new InternetStandIn(internet).refusing(unreachable);
        OutboundHttp client = new OutboundHttp(OutboundProperties.defaults(false),
                host -> List.of(unreachable, PUBLIC_ADDRESS), network);

        assertThat(client.get("http://blog.example/post", Map.of()).text()).isEqualTo("second address");
        assertThat(network.connections()).extracting(InetSocketAddress::getAddress).containsExactly(unreachable, PUBLIC_ADDRESS);
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsInternal() {
        OutboundHttp client = new OutboundHttp(OutboundProperties.defaults(false),
                host -> List.of(PUBLIC_ADDRESS, address("127.0.0.1")), new InternetStandIn(internet));

        assertThatThrownBy(() -> client.get("http://mixed.example/", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThat(internet.requests()).isEmpty();
    }

    @Test
    void goesThroughTheConfiguredProxyAfterVettingTheTarget() {
        internet.answer("/post", text(200, "text/plain", "via proxy"));
        OutboundProperties viaProxy = new OutboundProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5),
                DataSize.ofMegabytes(1), 5, "Firstpin test", Set.of(80, 443), URI.create(internet.url("")));
        OutboundHttp client = new OutboundHttp(viaProxy,
                host -> List.of(host.equals("blog.example") ? PUBLIC_ADDRESS : address("10.1.2.3")),
                PinnedConnections.DIRECT);

        assertThat(client.get("http://blog.example/post", Map.of()).text()).isEqualTo("via proxy");
        assertThatThrownBy(() -> client.get("http://intranet.example/post", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThat(internet.requestsTo("/post")).hasSize(1);
    }

    @Test
    void refusesAPublicNameThatRedirectsToAPrivateAddress() {
        internet.answer("/post", redirect(302, internet.url("/secret")));
        internet.answer("/secret", text(200, "text/plain", "internal"));

        assertThatThrownBy(() -> guarded().get("http://blog.example/post", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThat(internet.requestsTo("/post")).hasSize(1);
        assertThat(internet.requestsTo("/secret")).isEmpty();
    }

    @Test
    void refusesARedirectToTheCloudMetadataServiceAndToANameThatResolvesPrivately() {
        internet.answer("/metadata", redirect(301, "http://169.254.169.254/latest/meta-data/"));
        internet.answer("/intranet", redirect(307, "http://intranet.example/admin"));

        assertThatThrownBy(() -> guarded().get("http://blog.example/metadata", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThatThrownBy(() -> guarded().get("http://blog.example/intranet", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
        assertThat(internet.requests()).extracting(LocalWebServer.Request::path).containsExactly("/metadata", "/intranet");
    }

    @Test
    void followsRedirectsBetweenPublicAddressesAndSendsTheGivenHeaders() {
        internet.answer("/old", redirect(301, "/new"));
        internet.answer("/new", text(200, "text/html; charset=UTF-8", "<title>ブログ</title>"));

        OutboundResponse response = guarded().get("http://blog.example/old", Map.of("If-None-Match", "\"v1\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.uri().toString()).isEqualTo("http://blog.example/new");
        assertThat(response.text()).isEqualTo("<title>ブログ</title>");
        assertThat(internet.requestsTo("/new").get(0).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(internet.requestsTo("/new").get(0).header("User-Agent")).startsWith("Firstpin");
    }

    @Test
    void stopsAfterTooManyRedirects() {
        internet.answer("/loop", redirect(302, "/loop"));

        assertThatThrownBy(() -> guarded().get("http://blog.example/loop", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.TOO_MANY_REDIRECTS);
        assertThat(internet.requestsTo("/loop")).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://blog.example/", "gopher://blog.example/", "not a url", "http:///path"})
    void fetchesOnlyWebAddresses(String url) {
        assertThatThrownBy(() -> guarded().get(url, Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.INVALID_URL);
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        internet.answer("/file", redirect(302, "file:///etc/passwd"));

        assertThatThrownBy(() -> guarded().get("http://blog.example/file", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.INVALID_URL);
    }

    @Test
    void reachesPrivateAddressesOnlyWhenConfiguredTo() {
        internet.answer("/feed", text(200, "application/rss+xml", "<rss/>"));
        OutboundHttp intranet = OutboundHttp.create(OutboundProperties.defaults(true));

        OutboundResponse response = intranet.get(internet.url("/feed"), Map.of());

        assertThat(response.ok()).isTrue();
        assertThat(response.text()).isEqualTo("<rss/>");
        assertThatThrownBy(() -> OutboundHttp.create(OutboundProperties.defaults(false)).get(internet.url("/feed"), Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.REFUSED_ADDRESS);
    }

    @Test
    void dropsAnAnswerLargerThanTheLimitWhetherItsSizeIsDeclaredOrNot() {
        byte[] large = new byte[64 * 1024];
        internet.answer("/declared", bytes(200, "text/html", large, Map.of()));
        internet.answer("/chunked", chunked("text/html", large));
        OutboundHttp small = guardedOnTheInternet(limits(DataSize.ofKilobytes(16), Duration.ofSeconds(5)),
                Map.of("blog.example", PUBLIC_ADDRESS.getHostAddress()));

        assertThatThrownBy(() -> small.get("http://blog.example/declared", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.TOO_LARGE);
        assertThatThrownBy(() -> small.get("http://blog.example/chunked", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void givesUpOnASiteThatAnswersTooSlowly() {
        internet.answer("/slow", slow(3000, text(200, "text/html", "late")));
        OutboundHttp impatient = guardedOnTheInternet(limits(DataSize.ofMegabytes(1), Duration.ofMillis(300)),
                Map.of("blog.example", PUBLIC_ADDRESS.getHostAddress()));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.get("http://blog.example/slow", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anUnknownHostIsUnreachable() {
        assertThatThrownBy(() -> guarded().get("http://no-such-host.invalid/", Map.of()))
                .extracting(e -> ((OutboundException) e).problem()).isEqualTo(Problem.UNREACHABLE);
    }

    private static OutboundProperties onPorts(Integer... ports) {
        return new OutboundProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1), 5,
                "Firstpin test", Set.of(ports), null);
    }

    private static OutboundProperties limits(DataSize maxSize, Duration readTimeout) {
        return new OutboundProperties(false, Duration.ofSeconds(2), readTimeout, maxSize, 5, "Firstpin test",
                Set.of(80, 443), null);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
