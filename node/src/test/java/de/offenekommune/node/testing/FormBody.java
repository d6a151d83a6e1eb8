package de.offenekommune.node.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An urlencoded form body that may repeat a field (checkbox groups), as browsers send it. */
public final class FormBody {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    public FormBody add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    public FormBody addAll(Map<String, String> values) {
        values.forEach(this::add);
        return this;
    }

    public String encode() {
        return fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Posts this form with the browser's current CSRF token. */
    public TestBrowser.Response postTo(TestBrowser browser, String path) {
        if (browser.csrf() != null) {
            add("_csrf", browser.csrf());
        }
        return browser.postRaw(path, "application/x-www-form-urlencoded", encode());
    }
}
