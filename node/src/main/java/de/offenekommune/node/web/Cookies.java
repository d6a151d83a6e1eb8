package de.offenekommune.node.web;

import java.time.Duration;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Cookie names and attributes in one place: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
public final class Cookies {
    public static final String SESSION = "ok_session";
    public static final String ANONYMOUS = "ok_anon";
    public static final String LANGUAGE = "ok_lang";

    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    public static Optional<String> read(ServerRequest req, String name) {
        return req.headers().cookies().first(name).filter(v -> !v.isBlank());
    }

    public void set(ServerResponse res, String name, String value, Duration maxAge, boolean httpOnly) {
        SetCookie.Builder cookie = SetCookie.builder(name, value)
                .path("/")
                .httpOnly(httpOnly)
                .secure(secure)
                .sameSite(SetCookie.SameSite.LAX);
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        res.headers().addCookie(cookie.build());
    }

    public void clear(ServerResponse res, String name) {
        res.headers().addCookie(SetCookie.builder(name, "")
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.LAX)
                .maxAge(Duration.ZERO)
                .build());
    }

    static boolean wantsHtml(ServerRequest req) {
        return req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
    }
}
