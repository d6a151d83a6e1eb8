package de.offenekommune.node.event;

import java.time.Duration;
import java.time.Instant;

import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;

/** Checks submitted events; every bad field is reported at once. */
final class EventValidator {
    static final int TITLE = 200;
    static final int SUMMARY = 500;
    static final int TEXT = 20_000;
    static final int PLACE = 300;
    /** Longer "events" are usually a typo in the year. */
    static final Duration MAX_LENGTH = Duration.ofDays(31);

    private EventValidator() {
    }

    record EventData(Long projectId, String title, String summary, String description, String descriptionHtml,
                     Instant startsAt, Instant endsAt, String placeName, String placeAddress, Double latitude,
                     Double longitude) {
    }

    static EventData check(EventInput in) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String title = Inputs.text(errors, "title", in.title(), TITLE, true);
        String summary = Inputs.longText(errors, "summary", in.summary(), SUMMARY, false);
        String description = Inputs.longText(errors, "description", in.description(), TEXT, false);
        Instant starts = Inputs.dateTime(errors, "startsAt", in.startsAt(), true);
        Instant ends = Inputs.dateTime(errors, "endsAt", in.endsAt(), true);
        if (starts != null && ends != null) {
            errors.check(!ends.isBefore(starts), "endsAt", "form.error.end-before-start");
            errors.check(Duration.between(starts, ends).compareTo(MAX_LENGTH) <= 0, "endsAt", "event.error.too-long");
        }
        String place = Inputs.text(errors, "placeName", in.placeName(), PLACE, true);
        String address = Inputs.text(errors, "placeAddress", in.placeAddress(), PLACE, false);
        Inputs.coordinates(errors, in.latitude(), in.longitude());
        errors.check(in.projectId() == null || in.projectId() > 0, "projectId", "event.error.project");
        errors.throwIfAny();
        return new EventData(in.projectId(), title, summary, description, Markdown.toHtml(description), starts, ends,
                place, address == null ? "" : address, in.latitude(), in.longitude());
    }
}
