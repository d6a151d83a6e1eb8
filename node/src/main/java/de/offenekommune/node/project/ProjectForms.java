package de.offenekommune.node.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Formats;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;

/** Between the staff forms and the service inputs: form fields to input records, records back to form values. */
final class ProjectForms {
    static final String[] PROJECT_FIELDS = {"kind", "title", "summary", "description", "locationName", "latitude",
            "longitude", "department", FormKey.FIELD};
    static final String[] PHASE_FIELDS = {"kind", "title", "description", "startsOn", "endsOn", FormKey.FIELD};
    static final String[] LINK_FIELDS = {"title", "url", FormKey.FIELD};
    static final String[] NEWS_FIELDS = {"title", "summary", "body", "publishedAt", FormKey.FIELD};

    private ProjectForms() {
    }

    /** @throws InvalidInput for coordinates that are not numbers; everything else is checked by the service */
    static ProjectInput project(Forms.Form f) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Double lat = Inputs.decimal(errors, "latitude", FormValues.raw(f, "latitude"));
        Double lon = Inputs.decimal(errors, "longitude", FormValues.raw(f, "longitude"));
        errors.throwIfAny();
        return new ProjectInput(FormValues.raw(f, "kind"), FormValues.raw(f, "title"), FormValues.raw(f, "summary"),
                FormValues.raw(f, "description"), FormValues.raw(f, "locationName"), lat, lon, f.all("topics"),
                FormValues.raw(f, "department"), null, null);
    }

    static Map<String, String> values(Project p) {
        Map<String, String> v = new HashMap<>();
        v.put("kind", p.kind().name());
        v.put("title", p.title());
        v.put("summary", p.summary());
        v.put("description", p.description());
        v.put("locationName", p.locationName() == null ? "" : p.locationName());
        v.put("latitude", p.latitude() == null ? "" : Formats.coordinate(p.latitude()));
        v.put("longitude", p.longitude() == null ? "" : Formats.coordinate(p.longitude()));
        v.put("department", p.department() == null ? "" : p.department());
        return v;
    }

    static List<String> topics(Project p) {
        return p.topics().stream().map(Topic::name).toList();
    }

    static ProjectInput.PhaseInput phase(Forms.Form f) {
        return new ProjectInput.PhaseInput(FormValues.raw(f, "kind"), FormValues.raw(f, "title"),
                FormValues.raw(f, "description"), FormValues.raw(f, "startsOn"), FormValues.raw(f, "endsOn"));
    }

    static Map<String, String> values(Phase p) {
        return Map.of("kind", p.kind().name(), "title", p.title(), "description", p.description(),
                "startsOn", p.startsOn().toString(), "endsOn", p.endsOn().toString());
    }

    static ProjectInput.LinkInput link(Forms.Form f) {
        return new ProjectInput.LinkInput(FormValues.raw(f, "title"), FormValues.raw(f, "url"));
    }

    static Map<String, String> values(ProjectLink l) {
        return Map.of("title", l.title(), "url", l.url());
    }

    static NewsInput news(Forms.Form f) {
        return new NewsInput(FormValues.raw(f, "title"), FormValues.raw(f, "summary"), FormValues.raw(f, "body"),
                FormValues.raw(f, "publishedAt"));
    }

    static Map<String, String> values(News n) {
        return Map.of("title", n.title(), "summary", n.summary(), "body", n.body(),
                "publishedAt", Formats.localInput(n.publishedAt()));
    }
}
