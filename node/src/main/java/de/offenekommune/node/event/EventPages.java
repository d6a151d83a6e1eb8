package de.offenekommune.node.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** The public event pages and calendar files: {@code /termine}, {@code /termine/{id}}, {@code .ics} for one or all. */
public final class EventPages implements HttpService {
    static final int PAGE_SIZE = 20;
    private static final String ICS_SUFFIX = ".ics";

    private final EventService events;
    private final ICalendar ical;
    private final Pages pages;

    public EventPages(EventService events, ICalendar ical, Pages pages) {
        this.events = events;
        this.ical = ical;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/termine", this::list)
                .get("/termine.ics", this::townCalendar)
                .get("/termine/{id}", this::detail);
    }

    private void list(ServerRequest req, ServerResponse res) {
        long after = cursor(req);
        List<Event> found = events.upcoming(after, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<Event> shown = more ? found.subList(0, PAGE_SIZE) : found;
        pages.render(req, res, "event/list.jte", "events", shown, "nextAfter", more ? shown.getLast().id() : 0L);
    }

    private static long cursor(ServerRequest req) {
        String after = req.query().first("nach").orElse("");
        if (after.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(after);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.badRequest("form.error.bad-id");
    }

    /** {@code /termine/42} is the page, {@code /termine/42.ics} the event as a calendar file. */
    private void detail(ServerRequest req, ServerResponse res) {
        String segment = req.path().pathParameters().get("id");
        if (segment.endsWith(ICS_SUFFIX)) {
            Event e = events.visible(Inputs.pathId(segment.substring(0, segment.length() - ICS_SUFFIX.length())));
            sendCalendar(res, ical.write(e.title(), List.of(e)), "termin-" + e.id() + ICS_SUFFIX);
            return;
        }
        Event e = events.visible(Inputs.pathId(segment));
        pages.render(req, res, "event/detail.jte", "event", e, "now", events.now());
    }

    private void townCalendar(ServerRequest req, ServerResponse res) {
        Messages msg = Messages.of(VisitorFilter.of(req).locale());
        sendCalendar(res, ical.write(msg.get("event.calendar-name", pages.site().name()), events.calendar()),
                "termine" + ICS_SUFFIX);
    }

    private static void sendCalendar(ServerResponse res, String calendar, String filename) {
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/calendar; charset=UTF-8"));
        res.header(HeaderValues.create(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\""));
        res.send(calendar.getBytes(StandardCharsets.UTF_8));
    }
}
