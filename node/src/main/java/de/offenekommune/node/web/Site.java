package de.offenekommune.node.web;

import de.offenekommune.node.config.NodeConfig;

/** What every page shows about the node itself: its name, kind and address. */
public record Site(String name, String handle, String baseUrl, boolean region, String ags) {

    public static Site of(NodeConfig config) {
        return new Site(config.name(), config.handle(), config.baseUrl().toString(), config.region(), config.ags());
    }

    /** The town's fediverse address, e.g. {@code @musterstadt@beteiligung.musterstadt.de}. */
    public String townHandle() {
        return "@" + handle + "@" + java.net.URI.create(baseUrl).getRawAuthority();
    }

    /** A project's fediverse address (its group actor): {@code @projekt-<slug>@host}. */
    public String projectHandle(String slug) {
        return "@projekt-" + slug + "@" + java.net.URI.create(baseUrl).getRawAuthority();
    }
}
