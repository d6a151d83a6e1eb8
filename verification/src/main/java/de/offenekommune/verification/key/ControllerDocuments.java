package de.offenekommune.verification.key;

import java.net.URI;
import java.util.Optional;

/**
 * Finds the controller document (actor) that expresses a verification method. The node implements it with its
 * SSRF-guarded fetcher and a cache: fetch the method URI without its fragment, accept the answer only if its
 * {@code id} equals the URL fetched, parse it with {@link ControllerDocument#fromActor} and cache the parsed form.
 *
 * <p>Implementations only fetch and parse; whether the key belongs to the right actor is decided by the verifiers
 * (they check the document's id, the method's controller and its listing under {@code assertionMethod}).
 * Implementations may throw on transport failure; verifiers turn that into an "unresolved key" result.
 */
@FunctionalInterface
public interface ControllerDocuments {
    Optional<ControllerDocument> resolve(URI verificationMethod);
}
