package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import de.offenekommune.node.event.EventPages;
import de.offenekommune.node.project.PhaseKind;
import de.offenekommune.node.project.ProjectKind;
import de.offenekommune.node.search.SearchKind;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.survey.QuestionKind;
import de.offenekommune.node.survey.ResultsVisibility;
import de.offenekommune.node.survey.Survey;

/**
 * Every message key the templates and Java code name literally, and every key built from an enum,
 * exists in the German and in the English bundle: no page ever shows "??key??".
 */
class MessageKeysTest {
    private static final Pattern LITERAL = Pattern.compile("\\b(?:t|get|badRequest|forbidden|conflict|of|unauthorized)"
            + "\\(\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern KEY_ARGUMENT = Pattern.compile("\"((?:form|survey|project|event|api|staff|error)"
            + "\\.[a-z0-9.-]*error[a-z0-9.-]*)\"");

    private static Properties bundle(String name) {
        Properties p = new Properties();
        try (InputStream in = EventPages.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static TreeSet<String> keysIn(Path root) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                for (Pattern pattern : List.of(LITERAL, KEY_ARGUMENT)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        TreeSet<String> keys = keysIn(Path.of("src/main/jte"));
        keys.addAll(keysIn(Path.of("src/main/java")));
        // Config keys (Map.of("node.demo", ...)) and file names match the pattern too; they are no messages.
        keys.removeIf(k -> k.matches("(i18n|node|db|mail|security|server|federation)\\..*") || k.endsWith(".jte")
                || k.endsWith(".properties"));
        for (ProjectKind k : ProjectKind.values()) {
            keys.add("project.kind." + k.name());
        }
        for (PhaseKind k : PhaseKind.values()) {
            keys.add("phase.kind." + k.name());
        }
        for (Topic t : Topic.values()) {
            keys.add("topic." + t.name());
        }
        for (Survey.State s : Survey.State.values()) {
            keys.add("survey.state." + s.name());
        }
        for (QuestionKind k : QuestionKind.values()) {
            keys.add("survey.kind." + k.name());
        }
        for (ResultsVisibility v : ResultsVisibility.values()) {
            keys.add("survey.visibility." + v.name());
            keys.add("survey.visibility-note." + v.name());
        }
        for (String s : List.of("DONE", "CURRENT", "UPCOMING")) {
            keys.add("phase.status." + s);
        }
        for (SearchKind k : SearchKind.values()) {
            keys.add("search.kind." + k.name());
            keys.add("search.kind-one." + k.name());
        }
        Properties de = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!de.containsKey(key)) {
                missing.add("de: " + key);
            }
            if (!en.containsKey(key)) {
                missing.add("en: " + key);
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(new TreeSet<>(de.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()),
                "both bundles have the same keys");
    }
}
