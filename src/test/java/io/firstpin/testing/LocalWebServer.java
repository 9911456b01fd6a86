package io.firstpin.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for tests of what the application fetches: each path answers what the test put
 * there, and every request is recorded. Unknown paths answer 404.
 */
public final class LocalWebServer implements AutoCloseable {

    /** What a path answers; the body is sent as given, with Content-Length unless {@code chunked}. */
    public interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    /** One request as it arrived. */
    public record Request(String path, Headers headers) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LocalWebServer(HttpServer server) {
        this.server = server;
    }

    public static LocalWebServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalWebServer web = new LocalWebServer(server);
            server.createContext("/", web::handle);
            server.setExecutor(web.threads);
            server.start();
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(new Request(query == null ? path : path + "?" + query, exchange.getRequestHeaders()));
        Answer answer = answers.getOrDefault(query == null ? path : path + "?" + query,
                answers.getOrDefault(path, ex -> text(404, "text/plain", "not found").write(ex)));
        try (exchange) {
            answer.write(exchange);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public LocalWebServer answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    public static Answer text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Answer bytes(int status, String contentType, byte[] body, Map<String, String> headers) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            headers.forEach(exchange.getResponseHeaders()::set);
            if (status == 304 || body.length == 0) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** A body sent in chunks, so that no Content-Length tells its size in advance. */
    public static Answer chunked(String contentType, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body);
        };
    }

    public static Answer redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /** Answers only after a pause, like an overloaded site. */
    public static Answer slow(long millis, Answer then) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            then.write(exchange);
        };
    }
}
