package de.offenekommune.federation.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * The inbox as a Helidon service. Mount it for the shared inbox ({@code /inbox}) and, with an owner
 * resolver, for personal inboxes ({@code /users/{name}/inbox}). Answers 202, 400, 401 (with the
 * reason), 403, 404 (no such inbox), 413, or 503 with Retry-After when too many posts arrive at
 * once ({@link InboxGate}), always with a small JSON body.
 */
public final class InboxService implements HttpService {
    private static final String ACCEPTED_MESSAGE = new InboxResult.Accepted("").message();
    private static final byte[] ACCEPTED = ActivityJson.write(ActivityJson.newObject().put("status", 202)
            .put("message", ACCEPTED_MESSAGE));
    private final InboxProcessor processor;
    private final InboxGate gate;
    private final Function<ServerRequest, Optional<String>> ownerOf;
    private final boolean shared;

    private InboxService(InboxProcessor processor, InboxGate gate, Function<ServerRequest, Optional<String>> ownerOf,
                         boolean shared) {
        this.processor = processor;
        this.gate = gate;
        this.ownerOf = ownerOf;
        this.shared = shared;
    }

    /** @param gate shared by all inboxes of the node */
    public static InboxService shared(InboxProcessor processor, InboxGate gate) {
        return new InboxService(processor, gate, request -> Optional.empty(), true);
    }

    /** @param ownerOf the local actor id the request's path names, e.g. from the path parameter {@code name} */
    public static InboxService personal(InboxProcessor processor, InboxGate gate,
                                        Function<ServerRequest, Optional<String>> ownerOf) {
        return new InboxService(processor, gate, ownerOf, false);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(this::receive);
    }

    private void receive(ServerRequest request, ServerResponse response) {
        if (!gate.enter()) {
            // Read (and drop) the body, so the connection stays usable: reconnecting costs both sides more.
            request.content().consume();
            response.header(HeaderNames.RETRY_AFTER, String.valueOf(gate.retryAfterSeconds()));
            answer(response, 503, "too many activities at once, retry after " + gate.retryAfterSeconds() + " s");
            return;
        }
        try {
            receiveAdmitted(request, response);
        } finally {
            gate.leave();
        }
    }

    private void receiveAdmitted(ServerRequest request, ServerResponse response) {
        String owner = null;
        if (!shared) {
            Optional<String> found = ownerOf.apply(request);
            if (found.isEmpty()) {
                answer(response, 404, "no such inbox");
                return;
            }
            owner = found.get();
        }
        int max = processor.config().maxBodyBytes();
        if (request.headers().contentLength().orElse(0L) > max) {
            answer(response, 413, "body larger than " + max + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = request.content().inputStream()) {
            body = in.readNBytes(max + 1);
        } catch (IOException e) {
            answer(response, 400, "could not read the body");
            return;
        }
        InboxResult result = processor.receive(message(request, body), owner);
        answer(response, result.status(), result.message());
    }

    private HttpMessage message(ServerRequest request, byte[] body) {
        HttpFields fields = HttpFields.create();
        request.headers().forEach(header -> header.allValues().forEach(v -> fields.add(header.name(), v)));
        String scheme = processor.config().externalScheme().isEmpty() ? request.requestedUri().scheme()
                : processor.config().externalScheme();
        String host = fields.first("host").orElse(request.requestedUri().authority());
        String query = request.prologue().query().rawValue();
        URI target = URI.create(scheme + "://" + host + request.prologue().uriPath().rawPath() + (query.isEmpty() ? "" : "?" + query));
        return HttpMessage.request(request.prologue().method().text(), target, fields, body);
    }

    private static void answer(ServerResponse response, int status, String message) {
        // The common answer is written once, not serialised for every post.
        byte[] body = status == 202 && message.equals(ACCEPTED_MESSAGE) ? ACCEPTED
                : ActivityJson.write(ActivityJson.newObject().put("status", status).put("message", message));
        response.status(Status.create(status)).header(HeaderValues.CONTENT_TYPE_JSON).send(body);
    }
}
