package de.offenekommune.node.about;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.Pages;

/** {@code /ueber}: about this node, public. */
public final class AboutPages implements HttpService {
    private final AboutService about;
    private final Pages pages;

    public AboutPages(AboutService about, Pages pages) {
        this.about = about;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ueber", this::show);
    }

    private void show(ServerRequest req, ServerResponse res) {
        pages.render(req, res, "about.jte", "about", about.about());
    }
}
