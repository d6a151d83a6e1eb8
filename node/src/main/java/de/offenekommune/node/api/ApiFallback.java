package de.offenekommune.node.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.HttpError;

/**
 * Registered last under {@code /api/v1}: a path or method no endpoint serves gets the API's JSON
 * error (404) instead of the web server's plain-text default.
 */
public final class ApiFallback implements HttpService {
    @Override
    public void routing(HttpRules rules) {
        rules.any(this::unknown);
    }

    private void unknown(ServerRequest req, ServerResponse res) {
        throw new HttpError(Status.NOT_FOUND_404, "api.error.no-endpoint", req.prologue().method().text(),
                req.path().absolute().path());
    }
}
