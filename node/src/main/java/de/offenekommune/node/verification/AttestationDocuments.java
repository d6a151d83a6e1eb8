package de.offenekommune.node.verification;

import java.util.Optional;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.db.Sql;

/**
 * The issuer's public documents: the signed revocation list at its stable URL (every attestation
 * names it) and each attestation at its id. JSON for everyone; verifiers need no JSON-LD processing.
 */
public final class AttestationDocuments implements HttpService {
    static final String CONTENT_TYPE = "application/ld+json; charset=utf-8";

    private final Sql sql;
    private final Issuer issuer;
    private final AttestationRepository attestations;

    public AttestationDocuments(Sql sql, Issuer issuer, AttestationRepository attestations) {
        this.sql = sql;
        this.issuer = issuer;
        this.attestations = attestations;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Issuer.REVOCATION_LIST, this::revocationList)
                .get(Issuer.ATTESTATIONS + "/{uuid}", this::attestation);
    }

    /** Short cache lifetime: a revocation should reach verifiers soon. */
    private void revocationList(ServerRequest req, ServerResponse res) {
        send(res, Status.OK_200, issuer.revocationList(sql), "max-age=60, public");
    }

    private void attestation(ServerRequest req, ServerResponse res) {
        Optional<UUID> uuid = uuid(req.path().pathParameters().get("uuid"));
        Optional<String> document = uuid.flatMap(u -> attestations.document(sql, u));
        if (document.isEmpty()) {
            send(res, Status.NOT_FOUND_404, "{\"status\":404,\"message\":\"no such attestation\"}", "no-store");
            return;
        }
        send(res, Status.OK_200, document.get(), "max-age=300, public");
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void send(ServerResponse res, Status status, String body, String cache) {
        res.status(status);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, CONTENT_TYPE));
        res.header(HeaderValues.create(HeaderNames.CACHE_CONTROL, cache));
        res.header(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
        res.send(body);
    }
}
