package de.offenekommune.verification.proof;

import java.io.StringReader;
import java.io.StringWriter;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.verification.jcs.StrictJson;

/**
 * JSON-LD to canonical N-Quads (RDFC-1.0) through titanium-json-ld and titanium-rdfc, with contexts from
 * {@link BuiltInContexts} only. Canonicalisation is bounded in time, because crafted graphs ("poison graphs") can
 * make RDFC-1.0 work exponentially.
 */
public final class RdfCanonicalizer {
    private static final long MAX_MILLIS = 2_000;

    private final BuiltInContexts contexts;

    public RdfCanonicalizer(BuiltInContexts contexts) {
        this.contexts = contexts;
    }

    /** @throws IllegalArgumentException if the document cannot be expanded offline or canonicalised in time */
    public String canonicalNQuads(JsonNode document) {
        try {
            JsonLdOptions options = new JsonLdOptions(contexts);
            options.setProduceGeneralizedRdf(false);
            JsonDocument input = JsonDocument.of(new StringReader(StrictJson.mapper().writeValueAsString(document)));
            RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(MAX_MILLIS));
            JsonLd.toRdf(input).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("JSON-LD processing failed: " + e.getMessage(), e);
        } catch (JsonProcessingException | RdfConsumerException e) {
            throw new IllegalArgumentException("RDF canonicalisation failed: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("RDF canonicalisation gave up: " + e.getMessage(), e);
        }
    }
}
