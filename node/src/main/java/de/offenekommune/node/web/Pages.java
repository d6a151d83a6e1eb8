package de.offenekommune.node.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Builds the {@link Page} context for a request and renders templates with it; the one entry point
 * HTML handlers use ({@code pages.render(req, res, "home.jte", "projects", list)}).
 */
public final class Pages {
    private static final Pattern NOTICE = Pattern.compile("[a-z0-9-]{1,40}");

    private final Templates templates;
    private final Site site;
    private final Csrf csrf;
    private final Locale defaultLocale;

    public Pages(Templates templates, Site site, Csrf csrf, Locale defaultLocale) {
        this.templates = templates;
        this.site = site;
        this.csrf = csrf;
        this.defaultLocale = defaultLocale;
    }

    public Site site() {
        return site;
    }

    public Page page(ServerRequest req) {
        Visitor visitor = req.context().get(Visitor.class)
                .orElseGet(() -> new Visitor(java.util.Optional.empty(), Messages.supported(defaultLocale), "",
                        req.remotePeer().host(), false));
        // Only known keys: a crafted ?hinweis= cannot put arbitrary text on the page.
        String notice = req.query().first("hinweis").asOptional().filter(n -> NOTICE.matcher(n).matches())
                .map(n -> "notice." + n).filter(Messages.of(visitor.locale())::has).orElse(null);
        return new Page(site, Messages.of(visitor.locale()), visitor, csrf.token(visitor.csrfBinding()),
                req.path().absolute().path(), notice, Map.of());
    }

    /** Renders with the page context under "page" and further key/value pairs. */
    public void render(ServerRequest req, ServerResponse res, String template, Object... keyValues) {
        render(res, Status.OK_200, page(req), template, keyValues);
    }

    public void render(ServerResponse res, Status status, Page page, String template, Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        templates.send(res, status, template, params);
    }

    /** 303 See Other after a successful POST, optionally with a notice key shown on the next page. */
    public static void redirect(ServerResponse res, String path, String notice) {
        String target = notice == null ? path : path + (path.contains("?") ? "&" : "?") + "hinweis=" + notice;
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, target);
        res.send();
    }

    /** A local path only: "back" parameters must not turn us into an open redirect. */
    public static String localPath(String candidate, String fallback) {
        if (candidate == null || candidate.isBlank() || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.length() > 500) {
            return fallback;
        }
        try {
            URI uri = URI.create(candidate);
            return uri.getHost() == null && uri.getScheme() == null ? candidate : fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
