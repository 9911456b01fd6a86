package io.firstpin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application over real HTTP, as an integrator would. */
public final class ApiClient {

    /**
     * The instance's bootstrap token for API tests that found their own organizations through it. One value for all of
     * them, so that test classes of otherwise equal configuration share one application context instead of starting
     * their own; each founds organizations of slugs of its own.
     */
    public static final String BOOTSTRAP = "bootstrap-token-of-the-api-tests-0123456789";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    public ApiClient(int port, String token) {
        this("http://localhost:" + port, token, Map.of());
    }

    private ApiClient(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    public ApiClient withToken(String otherToken) {
        return new ApiClient(baseUrl, otherToken, headers);
    }

    /** The same client, sending one more header on every call (e.g. X-Manage-Token). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, token, more);
    }

    public String token() {
        return token;
    }

    public ApiClient anonymous() {
        return new ApiClient(baseUrl, null, headers);
    }

    /**
     * Founds an organization with this client's instance-administrator token and answers a client holding a new admin
     * token of that organization.
     */
    public ApiClient foundOrganization(String slug) {
        Answer created = post("/api/v1/organizations", json("slug", slug, "name", "Org " + slug));
        if (created.status() != 201) {
            throw new IllegalStateException("could not found organization " + slug + ": " + created);
        }
        Answer token = post("/api/v1/organizations/" + slug + "/tokens", json("name", "tests"));
        if (token.status() != 201) {
            throw new IllegalStateException("could not issue a token for " + slug + ": " + token);
        }
        return withToken(token.text("token"));
    }

    /** Founds an organization as {@link #foundOrganization} does, with one community {@code <slug>-c} of this name. */
    public ApiClient foundOrganizationWithCommunity(String slug, String communityName) {
        ApiClient admin = foundOrganization(slug);
        Answer community = admin.post("/api/v1/organizations/" + slug + "/communities",
                json("slug", slug + "-c", "name", communityName));
        if (community.status() != 201) {
            throw new IllegalStateException("could not start a community in " + slug + ": " + community);
        }
        return admin;
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a multipart form: text fields and one file, as a browser or {@code curl -F} sends them. */
    public Answer postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            byte[] content) {
        String boundary = "firstpin-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Posts a multipart form with text fields and several files under one field name, in the order given. */
    public Answer postMultipartFiles(String path, Map<String, String> fields, String fileField,
            Map<String, byte[]> files) {
        String boundary = "firstpin-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((fileName, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json")
                .header("Accept-Language", "en");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        // replaces a default such as Accept-Language rather than sending it twice
        headers.forEach(builder::setHeader);
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, raw body, and the body as JSON. */
    public record Answer(int status, String body, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Writes a JSON object from alternating names and values; values are quoted unless null, numbers or booleans. */
    public static String json(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set(String.valueOf(namesAndValues[i]), JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }
}
