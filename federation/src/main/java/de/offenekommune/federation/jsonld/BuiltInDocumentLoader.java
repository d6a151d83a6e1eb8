package de.offenekommune.federation.jsonld;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

/**
 * A JSON-LD document loader that serves only the registry's contexts and refuses everything else.
 * Remote contexts are never fetched: that would let any sender make us open connections, and change
 * the meaning of its document after we checked it.
 */
public final class BuiltInDocumentLoader implements DocumentLoader {
    private final ContextRegistry registry;
    private final AtomicLong refused = new AtomicLong();

    public BuiltInDocumentLoader(ContextRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        var document = registry.document(url.toString());
        if (document.isEmpty()) {
            refused.incrementAndGet();
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "context " + url + " is not built in and is never fetched");
        }
        return document.get();
    }

    /** How many unknown contexts were refused (for tests and logs). */
    public long refusedCount() {
        return refused.get();
    }
}
