package de.offenekommune.node.region;

import java.util.Arrays;
import java.util.List;

import de.offenekommune.node.municipality.Municipality;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.SelectOption;

/** Choice lists of the region's pages, labelled in the visitor's language. */
public final class RegionOptions {
    private RegionOptions() {
    }

    /** The member towns, by name; the value is the official key. */
    public static List<SelectOption> towns(List<MemberView> members) {
        return members.stream().map(m -> new SelectOption(m.ags(), m.name())).toList();
    }

    public static List<SelectOption> kinds(Page page) {
        return Arrays.stream(ItemKind.values())
                .map(k -> new SelectOption(k.code(), page.t("region.kind." + k.name()))).toList();
    }

    /** The district's municipalities not yet members: name and key. */
    public static List<SelectOption> candidates(Page page, List<Municipality> candidates) {
        return candidates.stream().map(m -> new SelectOption(m.ags(), page.t("region.members.candidate", m.name(),
                m.ags()))).toList();
    }
}
