package de.offenekommune.federation.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;

import de.offenekommune.federation.Federation;
import de.offenekommune.federation.FederationSettings;
import de.offenekommune.federation.fetch.AddressPolicy;
import de.offenekommune.federation.fetch.FetchConfig;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.store.FederationSchema;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * A node's federation library on loopback: a fresh migrated database, one WireMock server standing
 * in for every remote host ({@code *.test} names resolve to 127.0.0.1), and a Helidon server with
 * the shared inbox mounted at {@code /inbox}.
 */
public final class FederationRig implements AutoCloseable {
    public final TestPostgres.TestDatabase db;
    public final WireMockServer wireMock;
    public final MutableClock clock = MutableClock.startingNow();
    public final LoopbackResolver resolver = new LoopbackResolver();
    public final ActorKeys instanceActor;
    public final Federation federation;
    public final WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public FederationRig(String name, Consumer<Federation.Builder> customise) {
        db = TestPostgres.newDatabase(name);
        FederationSchema.migrate(db.dataSource());
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        instanceActor = ActorKeys.generate("http://town.test/actor");
        Federation.Builder builder = Federation.builder()
                .dataSource(db.dataSource())
                .settings(FederationSettings.defaults().withFetch(loopbackFetch()))
                .localHosts(Set.of("town.test"))
                .instanceActor(instanceActor)
                .clock(clock)
                .hostResolver(resolver)
                .meterRegistry(newRegistry());
        customise.accept(builder);
        federation = builder.build();
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.register("/inbox", federation.sharedInbox())
                        .register("/users/{name}/inbox", federation.personalInbox(
                                req -> req.path().pathParameters().first("name").asOptional()
                                        .filter(n -> n.equals("anna")).map(n -> "http://town.test/users/" + n))))
                .build().start();
    }

    public static FetchConfig loopbackFetch() {
        return FetchConfig.defaults().withAddressPolicy(new AddressPolicy(false, true));
    }

    /**
     * One registry for all tests of the JVM: Helidon's Micrometer registries notify each other when
     * meters are added, and two of them creating meters at once can deadlock on each other's locks.
     */
    private static final MeterRegistry REGISTRY = Metrics.createMeterRegistry();

    public static MeterRegistry newRegistry() {
        return REGISTRY;
    }

    public RemoteMastodon mastodon(String host) {
        return new RemoteMastodon(wireMock, host);
    }

    public URI inboxUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/inbox");
    }

    /** POSTs the activity signed by {@code keys} the way Mastodon does (or with RFC 9421). */
    public Answer postSigned(ObjectNode activity, ActorKeys keys, SignatureScheme scheme) {
        return postSigned(ActivityJson.write(activity), keys, scheme, m -> { });
    }

    /** Signs, lets the test tamper with the signed message, then POSTs it as it is. */
    public Answer postSigned(byte[] body, ActorKeys keys, SignatureScheme scheme, Consumer<HttpMessage> tamper) {
        HttpFields fields = HttpFields.create().set("content-type", "application/activity+json");
        HttpMessage message = HttpMessage.request("POST", inboxUri(), fields, body);
        new HttpSigner(clock).sign(message, keys.rsa(), scheme);
        tamper.accept(message);
        return post(message);
    }

    public Answer post(HttpMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(message.targetUri())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        for (String name : message.fields().names()) {
            if (!name.equals("host") && !name.equals("content-length")) {
                message.fields().all(name).forEach(v -> request.header(name, v));
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (var c = db.dataSource().getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> string(String sql, Object... params) {
        try (var c = db.dataSource().getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status and body. */
    public record Answer(int status, String body) {
    }

    @Override
    public void close() {
        server.stop();
        federation.close();
        wireMock.stop();
        db.close();
    }
}
