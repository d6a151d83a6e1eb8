package de.offenekommune.node.web;

import java.util.HashMap;
import java.util.Map;

/** What a form showed or received, by field name: re-rendered after a validation error so nothing typed is lost. */
public final class FormValues {
    private FormValues() {
    }

    public static Map<String, String> of(Forms.Form form, String... names) {
        Map<String, String> values = new HashMap<>();
        for (String name : names) {
            values.put(name, form.params().first(name).orElse(""));
        }
        return values;
    }

    /** The submitted value as typed (untrimmed, unchecked); the service validates it. */
    public static String raw(Forms.Form form, String name) {
        return form.params().first(name).orElse("");
    }

    /** A decimal form field; a bad number throws {@link InvalidInput} for that field. */
    public static Double decimal(Forms.Form form, String name) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Double value = Inputs.decimal(errors, name, raw(form, name));
        errors.throwIfAny();
        return value;
    }
}
