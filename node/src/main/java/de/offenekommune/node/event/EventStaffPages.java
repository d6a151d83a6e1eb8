package de.offenekommune.node.event;

import java.util.HashMap;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.project.ProjectService;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Formats;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.SelectOption;
import de.offenekommune.node.web.VisitorFilter;

/** Staff pages to create, edit and delete events. */
public final class EventStaffPages implements HttpService {
    static final String[] FIELDS = {"title", "summary", "description", "startsAt", "endsAt", "placeName",
            "placeAddress", "latitude", "longitude", "projectId", FormKey.FIELD};

    private final EventService events;
    private final ProjectService projects;
    private final Pages pages;
    private final Forms forms;

    public EventStaffPages(EventService events, ProjectService projects, Pages pages, Forms forms) {
        this.events = events;
        this.projects = projects;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/verwaltung/termine/neu", this::newForm)
                .post("/verwaltung/termine", this::create)
                .get("/verwaltung/termine/{id}", this::edit)
                .post("/verwaltung/termine/{id}", this::update)
                .post("/verwaltung/termine/{id}/loeschen", this::delete);
    }

    private void form(ServerRequest req, ServerResponse res, Status status, Map<String, String> errors, Event event,
                      Map<String, String> values) {
        String action = event == null ? "/verwaltung/termine" : "/verwaltung/termine/" + event.id();
        pages.render(res, status, pages.page(req).withErrors(errors), "event/form.jte", "event", event,
                "action", action, "values", values, "projects", projects.refs().stream()
                        .map(r -> new SelectOption(String.valueOf(r.id()), r.title())).toList());
    }

    private void newForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        form(req, res, Status.OK_200, Map.of(), null, Map.of("projectId", req.query().first("projekt").orElse("")));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form f = forms.read(req, VisitorFilter.of(req));
        try {
            Event e = events.create(input(f), FormKey.of(staff, f));
            Pages.redirect(res, e.path(), "event-saved");
        } catch (InvalidInput e) {
            form(req, res, Status.BAD_REQUEST_400, e.fields(), null, FormValues.of(f, FIELDS));
        }
    }

    private void edit(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Event e = events.visible(Inputs.pathId(req.path().pathParameters().get("id")));
        form(req, res, Status.OK_200, Map.of(), e, values(e));
    }

    private void update(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form f = forms.read(req, VisitorFilter.of(req));
        Event existing = events.visible(Inputs.pathId(req.path().pathParameters().get("id")));
        try {
            Event e = events.update(existing.id(), input(f));
            Pages.redirect(res, e.path(), "event-saved");
        } catch (InvalidInput e) {
            form(req, res, Status.BAD_REQUEST_400, e.fields(), existing, FormValues.of(f, FIELDS));
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        forms.read(req, VisitorFilter.of(req));
        events.delete(Inputs.pathId(req.path().pathParameters().get("id")));
        Pages.redirect(res, "/termine", "event-deleted");
    }

    private static EventInput input(Forms.Form f) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Double lat = Inputs.decimal(errors, "latitude", FormValues.raw(f, "latitude"));
        Double lon = Inputs.decimal(errors, "longitude", FormValues.raw(f, "longitude"));
        String project = FormValues.raw(f, "projectId").strip();
        Long projectId = null;
        if (!project.isEmpty()) {
            try {
                projectId = Long.parseLong(project);
            } catch (NumberFormatException e) {
                errors.check(false, "projectId", "event.error.project");
            }
        }
        errors.throwIfAny();
        return new EventInput(FormValues.raw(f, "title"), FormValues.raw(f, "summary"),
                FormValues.raw(f, "description"), FormValues.raw(f, "startsAt"), FormValues.raw(f, "endsAt"),
                FormValues.raw(f, "placeName"), FormValues.raw(f, "placeAddress"), lat, lon, projectId);
    }

    private static Map<String, String> values(Event e) {
        Map<String, String> v = new HashMap<>();
        v.put("title", e.title());
        v.put("summary", e.summary());
        v.put("description", e.description());
        v.put("startsAt", Formats.localInput(e.startsAt()));
        v.put("endsAt", Formats.localInput(e.endsAt()));
        v.put("placeName", e.placeName());
        v.put("placeAddress", e.placeAddress());
        v.put("latitude", e.hasPoint() ? Formats.coordinate(e.latitude()) : "");
        v.put("longitude", e.hasPoint() ? Formats.coordinate(e.longitude()) : "");
        v.put("projectId", e.projectId() == null ? "" : String.valueOf(e.projectId()));
        return v;
    }
}
