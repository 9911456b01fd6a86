package io.firstpin.platform.outbound;

import io.firstpin.testing.LocalWebServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * The network as the outbound client's sockets see it, without internet access: a connection to a public address
 * reaches a local server standing in for the internet, unless the address is set to refuse; any other address is
 * connected to as it is, so a request that
 * went to loopback would really arrive there. Every address asked for is recorded.
 */
final class InternetStandIn implements DetachedSocketFactory {

    private final LocalWebServer internet;
    private final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();
    private final Set<InetAddress> refusing = ConcurrentHashMap.newKeySet();

    InternetStandIn(LocalWebServer internet) {
        this.internet = internet;
    }

    /** Connections to this address are refused, like a host that is down. */
    InternetStandIn refusing(InetAddress address) {
        refusing.add(address);
        return this;
    }

    /** Every address the client connected to, as it asked for it. */
    List<InetSocketAddress> connections() {
        return List.copyOf(connections);
    }

    @Override
    public Socket create(Proxy proxy) {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                InetSocketAddress asked = (InetSocketAddress) endpoint;
                connections.add(asked);
                if (refusing.contains(asked.getAddress())) {
                    throw new ConnectException("Connection refused");
                }
                super.connect(NetworkAddresses.isPublic(asked.getAddress()) ? internet.address() : asked, timeout);
            }
        };
    }
}
