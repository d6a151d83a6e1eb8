package de.offenekommune.node.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import io.helidon.http.Status;

import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/** Events: the rules, each change in one transaction with its {@link ContentEvent}. Callers checked staff. */
public final class EventService {
    /** The town calendar also carries recent events, so subscribers keep them for a while. */
    static final Duration CALENDAR_HISTORY = Duration.ofDays(180);
    static final int CALENDAR_LIMIT = 1000;

    private final Sql sql;
    private final EventRepository events;
    private final ContentEvents bus;
    private final Clock clock;

    public EventService(Sql sql, EventRepository events, ContentEvents bus, Clock clock) {
        this.sql = sql;
        this.events = events;
        this.bus = bus;
        this.clock = clock;
    }

    public Event create(EventInput in) {
        return create(in, null);
    }

    /** @param key the form's one-time key: a repeat returns the event the first POST created */
    public Event create(EventInput in, FormKey key) {
        EventValidator.EventData d = EventValidator.check(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, "event", now);
            if (earlier.isPresent()) {
                return events.byId(tx, earlier.getAsLong()).orElseThrow();
            }
            checkProject(tx, d);
            long id = events.insert(tx, d, now);
            FormSubmissions.complete(tx, key, id);
            bus.publish(tx, ContentEvent.Kind.EVENT, id, ContentEvent.Change.CREATED);
            return events.byId(tx, id).orElseThrow();
        });
    }

    public Event update(long id, EventInput in) {
        EventValidator.EventData d = EventValidator.check(in);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            checkProject(tx, d);
            if (!events.update(tx, id, d, now)) {
                throw HttpError.notFound();
            }
            bus.publish(tx, ContentEvent.Kind.EVENT, id, ContentEvent.Change.UPDATED);
            return events.byId(tx, id).orElseThrow();
        });
    }

    private void checkProject(Sql tx, EventValidator.EventData d) {
        if (d.projectId() != null && !events.projectIsLive(tx, d.projectId())) {
            throw InvalidInput.of("projectId", "event.error.project");
        }
    }

    public void delete(long id) {
        Instant now = clock.instant();
        sql.runInTransaction(tx -> {
            if (!events.softDelete(tx, id, now)) {
                throw HttpError.notFound();
            }
            bus.publish(tx, ContentEvent.Kind.EVENT, id, ContentEvent.Change.DELETED);
        });
    }

    /** @throws HttpError 404 unknown, 410 deleted */
    public Event visible(long id) {
        Event e = events.byId(sql, id).orElseThrow(HttpError::notFound);
        if (e.deleted()) {
            throw new HttpError(Status.GONE_410, "error.gone");
        }
        return e;
    }

    /** Live events by id, newest first, for the API; {@code afterId} 0 starts at the newest. */
    public List<Event> page(long afterId, int limit) {
        return events.page(sql, afterId == 0 ? Long.MAX_VALUE : afterId, limit);
    }

    /** A live event. @throws HttpError 404, also for a deleted one */
    public Event live(long id) {
        return events.byId(sql, id).filter(e -> !e.deleted()).orElseThrow(HttpError::notFound);
    }

    public List<Event> upcoming(long afterId, int limit) {
        return events.upcoming(sql, clock.instant(), afterId, limit);
    }

    public List<Event> upcomingOfProject(long projectId, int limit) {
        return events.upcomingOfProject(sql, projectId, clock.instant(), limit);
    }

    /** A project's upcoming and past events, in one query. */
    public EventRepository.OfProject ofProject(long projectId, int upcomingLimit, int pastLimit) {
        return events.ofProject(sql, projectId, clock.instant(), upcomingLimit, pastLimit);
    }

    public List<Event> pastOfProject(long projectId, int limit) {
        return events.pastOfProject(sql, projectId, clock.instant(), limit);
    }

    /** What the town's .ics carries: upcoming events and those of the last months. */
    public List<Event> calendar() {
        return events.since(sql, clock.instant().minus(CALENDAR_HISTORY), CALENDAR_LIMIT);
    }

    public Instant now() {
        return clock.instant();
    }
}
