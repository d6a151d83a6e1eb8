package de.offenekommune.node.home;

import java.time.Duration;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.Cookies;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** The home page and the language switch. */
public final class HomePages implements HttpService {
    private final Pages pages;
    private final Forms forms;
    private final Cookies cookies;

    public HomePages(Pages pages, Forms forms, Cookies cookies) {
        this.pages = pages;
        this.forms = forms;
        this.cookies = cookies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .post("/sprache", this::language);
    }

    private void home(ServerRequest req, ServerResponse res) {
        pages.render(req, res, "home.jte");
    }

    private void language(ServerRequest req, ServerResponse res) {
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        String lang = Messages.supported(java.util.Locale.forLanguageTag(form.text("lang", 5))).getLanguage();
        cookies.set(res, Cookies.LANGUAGE, lang, Duration.ofDays(365), false);
        Pages.redirect(res, Pages.localPath(form.text("back", 500), "/"), null);
    }
}
