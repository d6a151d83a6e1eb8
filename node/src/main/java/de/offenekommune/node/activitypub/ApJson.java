package de.offenekommune.node.activitypub;

import java.util.Locale;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;

/** Content negotiation: who wants ActivityStreams JSON, and how we answer with it. */
public final class ApJson {
    public static final String CONTENT_TYPE = "application/activity+json; charset=utf-8";

    private ApJson() {
    }

    /**
     * True for {@code application/activity+json} and {@code application/ld+json} (ActivityPub says with
     * the ActivityStreams profile; we do not insist), unless the client prefers HTML.
     */
    public static boolean wanted(ServerRequest req) {
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("").toLowerCase(Locale.ROOT);
        if (!accept.contains("application/activity+json") && !accept.contains("application/ld+json")) {
            return false;
        }
        int html = accept.indexOf("text/html");
        return html < 0 || html > Math.max(accept.indexOf("application/activity+json"),
                accept.indexOf("application/ld+json"));
    }

    /** Every negotiated URL varies by Accept, in both answers (caches must not mix them). */
    public static void vary(ServerResponse res) {
        res.header(HeaderValues.create(HeaderNames.VARY, "Accept"));
    }

    public static void send(ServerResponse res, ObjectNode document) {
        send(res, Status.OK_200, document);
    }

    public static void send(ServerResponse res, Status status, ObjectNode document) {
        vary(res);
        res.status(status);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, CONTENT_TYPE));
        res.header(HeaderValues.create(HeaderNames.CACHE_CONTROL, "max-age=60, public"));
        res.send(ActivityJson.write(document));
    }

    public static void notFound(ServerResponse res, String message) {
        vary(res);
        res.status(Status.NOT_FOUND_404);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8"));
        res.send(ActivityJson.write(ActivityJson.newObject().put("status", 404).put("message", message)));
    }

    /** 303 to the HTML page of something that has no page of its own. */
    public static void seeOther(ServerResponse res, String location) {
        vary(res);
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }
}
