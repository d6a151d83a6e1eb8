package de.offenekommune.verification.proof;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import jakarta.json.JsonStructure;

/**
 * A JSON-LD document loader that serves only contexts vendored in this jar and refuses everything else. Verifying a
 * remote document must never make us fetch a URL the document names. Contexts are parsed once, at construction.
 */
public final class BuiltInContexts implements DocumentLoader {
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
    public static final String CITIZENSHIP_V4RC1 = "https://w3id.org/citizenship/v4rc1";
    public static final String OFFENEKOMMUNE_V1 = "https://offenekommune.de/ns/v1";

    private static final Map<String, String> RESOURCES = Map.of(
            CREDENTIALS_V2, "credentials-v2.jsonld",
            CREDENTIALS_EXAMPLES_V2, "credentials-examples-v2.jsonld",
            DATA_INTEGRITY_V2, "data-integrity-v2.jsonld",
            CITIZENSHIP_V4RC1, "citizenship-v4rc1.jsonld",
            OFFENEKOMMUNE_V1, "offenekommune-v1.jsonld");

    private final Map<String, JsonStructure> contexts;

    public BuiltInContexts() {
        Map<String, JsonStructure> parsed = new java.util.HashMap<>();
        RESOURCES.forEach((url, resource) -> parsed.put(url, parse(resource)));
        this.contexts = Map.copyOf(parsed);
    }

    public Set<String> urls() {
        return contexts.keySet();
    }

    /** The vendored text of a built-in context, e.g. for the node to serve {@value #OFFENEKOMMUNE_V1}. */
    public static InputStream open(String url) {
        String resource = RESOURCES.get(url);
        if (resource == null) {
            throw new IllegalArgumentException("not a built-in context: " + url);
        }
        return resource(resource);
    }

    private static InputStream resource(String name) {
        return BuiltInContexts.class.getResourceAsStream("/de/offenekommune/verification/contexts/" + name);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonStructure context = contexts.get(url.toString());
        if (context == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "context " + url + " is not built in; remote contexts are never fetched");
        }
        // A fresh Document each time: titanium may set URLs on it, the parsed JSON itself is immutable.
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, context);
        document.setDocumentUrl(url);
        return document;
    }

    private static JsonStructure parse(String resource) {
        try (InputStream in = resource(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in context resource " + resource);
            }
            return JsonDocument.of(MediaType.JSON_LD, in).getJsonContent()
                    .orElseThrow(() -> new IllegalStateException("empty context " + resource));
        } catch (IOException | JsonLdError e) {
            throw new IllegalStateException("unreadable built-in context " + resource, e);
        }
    }
}
