package io.firstpin.platform.outbound;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client under {@link OutboundHttp}. It never looks a target's name up itself: every request names the vetted
 * address it must connect to, and its resolver answers for the configured proxy only, so a name that resolves
 * differently a second time (DNS rebinding) has no second time. TLS still names the host: SNI and certificate
 * verification are on the name, not on the address.
 */
final class PinnedConnections {

    /** Plain sockets, as the network gives them; tests put a stand-in for the internet here. */
    static final DetachedSocketFactory DIRECT = proxy -> proxy == null ? new Socket() : new Socket(proxy);

    private PinnedConnections() {
    }

    static CloseableHttpClient client(OutboundProperties properties, DetachedSocketFactory sockets) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                .build();
        var manager = new PoolingHttpClientConnectionManagerBuilder() {
            @Override
            protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
                    TlsSocketStrategy tls) {
                return new DefaultHttpClientConnectionOperator(sockets, ports, dns,
                        RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
            }
        }.setDnsResolver(new ProxyOnly(properties.proxy() == null ? null : properties.proxy().getHost()))
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(5)
                .build();
        HttpClientBuilder client = HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(properties.readTimeout()))
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .setUserAgent(properties.userAgent())
                // redirects are followed by OutboundHttp, hop by hop, each vetted; nothing is sent twice on its own
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                // the size limit is on the bytes as sent; nothing is inflated behind it
                .disableContentCompression();
        if (properties.proxy() != null) {
            // without this, no proxy: the client reads no system properties
            client.setProxy(new HttpHost(properties.proxy().getScheme() == null ? "http" : properties.proxy().getScheme(),
                    properties.proxy().getHost(), properties.proxy().getPort()));
        }
        return client.build();
    }

    /** Resolves the configured proxy's name and nothing else. */
    private record ProxyOnly(String proxyHost) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (proxyHost != null && proxyHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
                return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            }
            throw new UnknownHostException(host + " is connected to by its vetted address only");
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
