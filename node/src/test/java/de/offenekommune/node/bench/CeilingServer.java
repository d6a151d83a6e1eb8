package de.offenekommune.node.bench;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.NodeApp;
import de.offenekommune.node.web.SecurityHeaders;
import de.offenekommune.node.web.VisitorFilter;

/**
 * The ceilings of the page and inbox benchmarks: a trivial page and a bare JSON POST, served in the
 * node's process by the same Helidon server type with the same filters (security headers, visitor
 * resolution) as the node's own routes, but doing no work of ours. The node's routing is left as
 * production has it; this is a second listener next to it.
 */
final class CeilingServer implements AutoCloseable {
    private static final byte[] OK_JSON = "{\"status\":202,\"message\":\"accepted\"}".getBytes();

    private final WebServer server;

    private CeilingServer(WebServer server) {
        this.server = server;
    }

    static CeilingServer start(NodeApp.Components c) {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .routing(r -> r.addFilter(new SecurityHeaders("https:"))
                        .addFilter(new VisitorFilter(c.sessions(), c.cookies(), c.config().defaultLocale(), false))
                        .get("/bench/trivial", (req, res) -> res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN).send("ok"))
                        .post("/bench/json", (req, res) -> {
                            JsonNode activity = ActivityJson.parse(req.content().as(byte[].class));
                            res.status(activity.has("id") ? 202 : 400).header(HeaderValues.CONTENT_TYPE_JSON)
                                    .send(OK_JSON);
                        }))
                .build()
                .start();
        return new CeilingServer(server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
