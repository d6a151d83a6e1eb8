package de.offenekommune.node.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import de.offenekommune.node.account.SessionService;
import de.offenekommune.node.account.Tokens;

/**
 * Resolves the {@link Visitor} once per request (one indexed query when a session cookie is present,
 * none otherwise) and puts it into the request context for handlers and templates.
 */
public final class VisitorFilter implements Filter {
    private static final Duration ANON_LIFETIME = Duration.ofDays(1);

    private final SessionService sessions;
    private final Cookies cookies;
    private final Locale defaultLocale;
    private final boolean trustProxy;

    public VisitorFilter(SessionService sessions, Cookies cookies, Locale defaultLocale, boolean trustProxy) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.defaultLocale = defaultLocale;
        this.trustProxy = trustProxy;
    }

    public static Visitor of(ServerRequest req) {
        return req.context().get(Visitor.class)
                .orElseThrow(() -> new IllegalStateException("VisitorFilter did not run for " + req.path().path()));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (path.startsWith("/static/") || path.startsWith("/observe/")) {
            chain.proceed();
            return;
        }
        Optional<SessionService.ActiveSession> session = Cookies.read(req, Cookies.SESSION).flatMap(sessions::resolve);
        if (session.isEmpty() && Cookies.read(req, Cookies.SESSION).isPresent()) {
            cookies.clear(res, Cookies.SESSION); // expired or ended elsewhere
        }
        String binding = session.map(SessionService.ActiveSession::binding).orElseGet(() -> {
            Optional<String> anon = Cookies.read(req, Cookies.ANONYMOUS).filter(v -> v.length() <= 64);
            if (anon.isPresent()) {
                return "a:" + Tokens.hashHex(anon.get());
            }
            String fresh = Tokens.random();
            cookies.set(res, Cookies.ANONYMOUS, fresh, ANON_LIFETIME, true);
            return "a:" + Tokens.hashHex(fresh);
        });
        Locale locale = locale(req, session.map(s -> Locale.forLanguageTag(s.account().locale())));
        req.context().register(new Visitor(session.map(SessionService.ActiveSession::account), locale, binding,
                clientAddress(req), session.map(SessionService.ActiveSession::verifiedOrganisation).orElse(false)));
        chain.proceed();
    }

    private Locale locale(ServerRequest req, Optional<Locale> accountLocale) {
        Optional<String> chosen = Cookies.read(req, Cookies.LANGUAGE);
        if (chosen.isPresent()) {
            return Messages.supported(Locale.forLanguageTag(chosen.get()));
        }
        if (accountLocale.isPresent()) {
            return Messages.supported(accountLocale.get());
        }
        return req.headers().first(HeaderNames.ACCEPT_LANGUAGE)
                .flatMap(VisitorFilter::firstLanguage)
                .orElse(Messages.supported(defaultLocale));
    }

    private static Optional<Locale> firstLanguage(String header) {
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(r -> r.getRange().toLowerCase(Locale.ROOT))
                    .filter(r -> r.startsWith("de") || r.startsWith("en"))
                    .findFirst()
                    .map(r -> r.startsWith("en") ? Locale.ENGLISH : Locale.GERMAN);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String clientAddress(ServerRequest req) {
        if (trustProxy) {
            Optional<String> forwarded = req.headers().first(HeaderNames.X_FORWARDED_FOR)
                    .map(v -> v.split(",")[0].trim())
                    .filter(v -> !v.isEmpty());
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        return req.remotePeer().host();
    }
}
