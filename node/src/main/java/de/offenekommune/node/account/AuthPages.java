package de.offenekommune.node.account;

import java.time.Duration;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.config.NodeConfig.SecurityConfig;
import de.offenekommune.node.web.Cookies;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** Registration, confirmation, login, logout and password reset pages. */
public final class AuthPages implements HttpService {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final AccountService accounts;
    private final SessionService sessions;
    private final RateLimiter limiter;
    private final Pages pages;
    private final Forms forms;
    private final Cookies cookies;
    private final SecurityConfig security;

    public AuthPages(AccountService accounts, SessionService sessions, RateLimiter limiter, Pages pages, Forms forms,
                     Cookies cookies, SecurityConfig security) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.pages = pages;
        this.forms = forms;
        this.cookies = cookies;
        this.security = security;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/registrieren", this::registrationForm)
                .post("/registrieren", this::register)
                .get("/bestaetigen", this::confirm)
                .get("/anmelden", this::loginForm)
                .post("/anmelden", this::login)
                .post("/abmelden", this::logout)
                .get("/passwort-vergessen", this::resetRequestForm)
                .post("/passwort-vergessen", this::requestReset)
                .get("/passwort-neu", this::resetForm)
                .post("/passwort-neu", this::reset);
    }

    private void registrationForm(ServerRequest req, ServerResponse res) {
        pages.render(req, res, "account/register.jte", "values", Map.of());
    }

    private void register(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Forms.Form form = forms.read(req, visitor);
        Map<String, String> values = Map.of(
                "email", form.params().first("email").orElse(""),
                "displayName", form.params().first("displayName").orElse(""),
                "username", form.params().first("username").orElse(""));
        try {
            limiter.acquire("register", visitor.clientAddress(), security.registrationsPerHour(), Duration.ofHours(1));
            accounts.register(new AccountService.Registration(
                    form.text("email", 254), form.text("displayName", 80), form.text("username", 30),
                    form.raw("password", AccountService.MAX_PASSWORD), visitor.locale()));
        } catch (InvalidInput e) {
            Page page = pages.page(req).withErrors(e.fields());
            pages.render(res, Status.BAD_REQUEST_400, page, "account/register.jte", "values", values);
            return;
        }
        pages.render(req, res, "account/check-mail.jte");
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        String token = req.query().first("token").orElse("");
        if (accounts.confirm(token).isPresent()) {
            Pages.redirect(res, "/anmelden", "confirmed");
        } else {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req), "account/link-invalid.jte");
        }
    }

    private void loginForm(ServerRequest req, ServerResponse res) {
        pages.render(req, res, "account/login.jte", "email", "", "next", next(req.query().first("weiter").orElse("")),
                "unconfirmed", false);
    }

    private void login(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Forms.Form form = forms.read(req, visitor);
        String email = form.params().first("email").orElse("").trim();
        String next = next(form.params().first("weiter").orElse(""));
        limiter.acquire("login-ip", visitor.clientAddress(), security.loginAttemptsPerAddress(), WINDOW);
        limiter.acquire("login-email", email.toLowerCase(java.util.Locale.ROOT), security.loginAttemptsPerWindow(),
                WINDOW);
        AccountService.LoginResult result = accounts.login(email, form.params().first("password").orElse(""));
        switch (result) {
            case AccountService.LoginResult.Success s -> {
                limiter.reset("login-email", email.toLowerCase(java.util.Locale.ROOT));
                String token = sessions.start(s.account(), req.headers().first(HeaderNames.USER_AGENT).orElse(null));
                cookies.set(res, Cookies.SESSION, token, sessions.lifetime(), true);
                Pages.redirect(res, next, "signed-in");
            }
            case AccountService.LoginResult.Unconfirmed u -> {
                accounts.resendConfirmation(u.account());
                Page page = pages.page(req).withErrors(Map.of("email", "account.error.unconfirmed"));
                pages.render(res, Status.FORBIDDEN_403, page, "account/login.jte", "email", email, "next", next,
                        "unconfirmed", true);
            }
            case AccountService.LoginResult.WrongCredentials w -> {
                Page page = pages.page(req).withErrors(Map.of("email", "account.error.credentials"));
                pages.render(res, Status.UNAUTHORIZED_401, page, "account/login.jte", "email", email, "next", next,
                        "unconfirmed", false);
            }
        }
    }

    private void logout(ServerRequest req, ServerResponse res) {
        forms.read(req, VisitorFilter.of(req));
        Cookies.read(req, Cookies.SESSION).ifPresent(sessions::end);
        cookies.clear(res, Cookies.SESSION);
        Pages.redirect(res, "/", "signed-out");
    }

    private void resetRequestForm(ServerRequest req, ServerResponse res) {
        pages.render(req, res, "account/reset-request.jte", "sent", false);
    }

    private void requestReset(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Forms.Form form = forms.read(req, visitor);
        limiter.acquire("reset", visitor.clientAddress(), 10, Duration.ofHours(1));
        accounts.requestPasswordReset(form.text("email", 254));
        pages.render(req, res, "account/reset-request.jte", "sent", true);
    }

    private void resetForm(ServerRequest req, ServerResponse res) {
        pages.render(req, res, "account/reset.jte", "token", req.query().first("token").orElse(""));
    }

    private void reset(ServerRequest req, ServerResponse res) {
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        String token = form.text("token", 100);
        try {
            if (accounts.resetPassword(token, form.raw("password", AccountService.MAX_PASSWORD))) {
                Pages.redirect(res, "/anmelden", "password-changed");
            } else {
                pages.render(res, Status.BAD_REQUEST_400, pages.page(req), "account/link-invalid.jte");
            }
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "account/reset.jte",
                    "token", token);
        }
    }

    private static String next(String candidate) {
        return Pages.localPath(candidate, "/");
    }
}
