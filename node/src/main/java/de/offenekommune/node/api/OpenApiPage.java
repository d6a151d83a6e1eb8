package de.offenekommune.node.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Serves the API description ({@code docs/api/openapi.yaml}, packaged into the jar) at {@code /api/openapi.yaml}. */
public final class OpenApiPage implements HttpService {
    static final String RESOURCE = "api/openapi.yaml";

    private final byte[] document;

    public OpenApiPage() {
        try (InputStream in = OpenApiPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi.yaml", this::send);
    }

    private void send(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8"));
        res.send(document);
    }
}
