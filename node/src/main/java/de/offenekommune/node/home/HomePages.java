package de.offenekommune.node.home;

import java.time.Duration;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.event.EventService;
import de.offenekommune.node.project.ProjectService;
import de.offenekommune.node.region.Region;
import de.offenekommune.node.web.Cookies;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** The home page (current projects, upcoming events, news from neighbouring towns) and the language switch. */
public final class HomePages implements HttpService {
    static final int PROJECTS_SHOWN = 6;
    static final int EVENTS_SHOWN = 5;
    static final int NEIGHBOUR_ITEMS_SHOWN = 6;
    static final int REGION_ITEMS_SHOWN = 8;

    private final Pages pages;
    private final Forms forms;
    private final Cookies cookies;
    private final ProjectService projects;
    private final EventService events;
    private final NeighbourService neighbours;
    private final Region region;

    public HomePages(Pages pages, Forms forms, Cookies cookies, ProjectService projects, EventService events,
                     NeighbourService neighbours, Region region) {
        this.pages = pages;
        this.forms = forms;
        this.cookies = cookies;
        this.projects = projects;
        this.events = events;
        this.neighbours = neighbours;
        this.region = region;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .post("/sprache", this::language);
    }

    private void home(ServerRequest req, ServerResponse res) {
        // Three bounded queries: running projects (participation first), the next events, and the newest
        // projects and proposals of neighbouring towns; a region adds its members and their newest items.
        pages.render(req, res, "home.jte", "projects", projects.current(PROJECTS_SHOWN),
                "events", events.upcoming(0, EVENTS_SHOWN), "neighbourhood", neighbours.latest(NEIGHBOUR_ITEMS_SHOWN),
                "region", region.home(REGION_ITEMS_SHOWN));
    }

    private void language(ServerRequest req, ServerResponse res) {
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        String lang = Messages.supported(java.util.Locale.forLanguageTag(form.text("lang", 5))).getLanguage();
        cookies.set(res, Cookies.LANGUAGE, lang, Duration.ofDays(365), false);
        Pages.redirect(res, Pages.localPath(form.text("back", 500), "/"), null);
    }
}
