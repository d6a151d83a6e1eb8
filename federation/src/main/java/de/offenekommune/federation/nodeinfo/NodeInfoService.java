package de.offenekommune.federation.nodeinfo;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;

/**
 * {@code GET /.well-known/nodeinfo} (the link) and {@code GET /nodeinfo/2.1} (the document).
 * Mount at the root: {@code routing.register("/", nodeInfoService)}.
 */
public final class NodeInfoService implements HttpService {
    public static final String SCHEMA_21 = "http://nodeinfo.diaspora.software/ns/schema/2.1";

    private final NodeInfoProvider provider;
    private final String baseUrl;

    /** @param baseUrl the node's public base URL without trailing slash, e.g. {@code https://musterstadt.de} */
    public NodeInfoService(NodeInfoProvider provider, String baseUrl) {
        this.provider = provider;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/.well-known/nodeinfo", this::links)
                .get("/nodeinfo/2.1", this::document);
    }

    private void links(ServerRequest request, ServerResponse response) {
        ObjectNode links = ActivityJson.newObject();
        links.putArray("links").addObject().put("rel", SCHEMA_21).put("href", baseUrl + "/nodeinfo/2.1");
        response.header(HeaderNames.CONTENT_TYPE, "application/json").header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .send(ActivityJson.write(links));
    }

    private void document(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/json; profile=\"" + SCHEMA_21 + "#\"")
                .header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .send(ActivityJson.write(toJson(provider.current())));
    }

    static ObjectNode toJson(NodeInfo info) {
        ObjectNode doc = ActivityJson.newObject().put("version", "2.1");
        ObjectNode software = doc.putObject("software").put("name", info.softwareName()).put("version", info.softwareVersion());
        if (info.repository() != null) {
            software.put("repository", info.repository());
        }
        if (info.homepage() != null) {
            software.put("homepage", info.homepage());
        }
        doc.putArray("protocols").add("activitypub");
        ObjectNode services = doc.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound").add("atom1.0").add("rss2.0");
        doc.put("openRegistrations", info.openRegistrations());
        ObjectNode usage = doc.putObject("usage");
        usage.putObject("users").put("total", info.usersTotal()).put("activeMonth", info.usersActiveMonth())
                .put("activeHalfyear", info.usersActiveHalfyear());
        usage.put("localPosts", info.localPosts());
        doc.set("metadata", info.metadata() == null ? ActivityJson.newObject() : info.metadata());
        return doc;
    }
}
