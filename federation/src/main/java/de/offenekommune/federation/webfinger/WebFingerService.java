package de.offenekommune.federation.webfinger;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;

/**
 * {@code GET /.well-known/webfinger?resource=acct:name@host} (or an actor URL): answers the JRD with
 * {@code rel=self} (the actor, {@code application/activity+json}) and the profile page. Mount it at
 * {@code /.well-known/webfinger}.
 */
public final class WebFingerService implements HttpService {
    public static final String PROFILE_PAGE = "http://webfinger.net/rel/profile-page";

    private final WebFingerDirectory directory;
    private final Set<String> localHosts;

    public WebFingerService(WebFingerDirectory directory, Set<String> localHosts) {
        this.directory = directory;
        this.localHosts = localHosts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(this::lookup);
    }

    private void lookup(ServerRequest request, ServerResponse response) {
        Optional<String> resource = request.query().first("resource").asOptional();
        if (resource.isEmpty() || resource.get().isBlank()) {
            error(response, 400, "resource parameter missing");
            return;
        }
        Optional<WebFingerAccount> account;
        try {
            account = find(resource.get().strip());
        } catch (IllegalArgumentException e) {
            error(response, 400, e.getMessage());
            return;
        }
        if (account.isEmpty()) {
            error(response, 404, "no such account here");
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/jrd+json; charset=utf-8")
                .header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .send(ActivityJson.write(jrd(account.get())));
    }

    Optional<WebFingerAccount> find(String resource) {
        if (resource.regionMatches(true, 0, "acct:", 0, 5)) {
            String account = resource.substring(5);
            if (account.startsWith("@")) {
                account = account.substring(1);
            }
            int at = account.lastIndexOf('@');
            if (at <= 0 || at == account.length() - 1) {
                throw new IllegalArgumentException("acct: resource must be user@host");
            }
            String host = account.substring(at + 1).toLowerCase(Locale.ROOT);
            return localHosts.contains(host) ? directory.byAccount(account.substring(0, at), host) : Optional.empty();
        }
        if (!Origin.isHttpUrl(resource)) {
            throw new IllegalArgumentException("resource must be an acct: URI or an http(s) URL");
        }
        return localHosts.contains(Origin.hostOf(resource)) ? directory.byUrl(resource) : Optional.empty();
    }

    static ObjectNode jrd(WebFingerAccount account) {
        ObjectNode jrd = ActivityJson.newObject().put("subject", account.subject());
        ArrayNode aliases = jrd.putArray("aliases");
        account.aliases().forEach(aliases::add);
        ArrayNode links = jrd.putArray("links");
        links.addObject().put("rel", "self").put("type", Contexts.ACTIVITY_JSON).put("href", account.actorId());
        if (account.profilePage() != null) {
            links.addObject().put("rel", PROFILE_PAGE).put("type", "text/html").put("href", account.profilePage());
        }
        return jrd;
    }

    private static void error(ServerResponse response, int status, String message) {
        response.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(ActivityJson.write(ActivityJson.newObject().put("status", status).put("message", message)));
    }
}
