package de.offenekommune.node.project;

import java.util.Arrays;
import java.util.List;

import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.SelectOption;

/**
 * Choice lists for filters and forms, labelled in the visitor's language. Filters use the German
 * URL codes ({@code ?thema=verkehr}); staff forms use the enum names the API uses too.
 */
public final class ProjectOptions {
    private ProjectOptions() {
    }

    public static List<SelectOption> kinds(Page page, boolean codes) {
        return Arrays.stream(ProjectKind.values())
                .map(k -> new SelectOption(codes ? k.code() : k.name(), page.t("project.kind." + k.name())))
                .toList();
    }

    public static List<SelectOption> phases(Page page, boolean codes) {
        return Arrays.stream(PhaseKind.values())
                .map(k -> new SelectOption(codes ? k.code() : k.name(), page.t("phase.kind." + k.name())))
                .toList();
    }

    public static List<SelectOption> topics(Page page, boolean codes) {
        return Arrays.stream(Topic.values())
                .map(t -> new SelectOption(codes ? t.code() : t.name(), page.t("topic." + t.name())))
                .toList();
    }
}
