package de.offenekommune.node.region;

import java.time.Clock;
import java.util.List;

import io.helidon.webserver.http.HttpRouting;

import de.offenekommune.node.activitypub.ActivityPub;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Pages;

/**
 * Region mode, built once per node: the district and the official list, the members (followed as
 * neighbours through the ActivityPub side), the overview, the figures and their pages. On a town the
 * pages answer 404 and nothing runs in the background.
 */
public final class Region implements AutoCloseable {
    private final NodeConfig config;
    private final RegionArea area;
    private final RegionMembers members;
    private final RegionOverview overview;
    private final RegionFigures figures;

    public Region(NodeConfig config, Sql sql, ActivityPub activityPub, Clock clock) {
        this.config = config;
        this.area = RegionArea.of(config);
        this.members = new RegionMembers(sql, new RegionMemberRepository(), area, activityPub.neighbours(), clock);
        this.overview = new RegionOverview(sql, new RegionItemRepository(), area, clock);
        this.figures = new RegionFigures(sql, new MemberFiguresRepository(), members,
                activityPub.federation().dereferencer(), clock, config.regionSettings().figuresInterval());
        if (config.region()) {
            area.directory();
            members.syncConfigured(config.regionSettings().members());
            activityPub.configuredFollows().register(members.wants());
            activityPub.neighbours().onAccepted(actor -> Thread.ofVirtual().name("region-figures-first")
                    .start(() -> figures.refreshActor(actor)));
        } else if (!config.regionSettings().members().isEmpty()) {
            throw new IllegalArgumentException("region.members is only for node.kind: region");
        }
    }

    /** Starts fetching the members' figures (region mode only; following runs on the ActivityPub side). */
    public void start() {
        if (config.region() && config.federation().enabled()) {
            figures.start();
        }
    }

    @Override
    public void close() {
        figures.close();
    }

    public void routing(HttpRouting.Builder routing, Pages pages, Forms forms) {
        routing.register("/", new RegionPages(config.region(), overview, members, figures, area, config.regionSettings(),
                        pages),
                new MemberPages(config.region(), members, area, pages, forms));
    }

    /** What the region's home page shows: the members and their newest items; null on a town. */
    public RegionHome home(int items) {
        return config.region() ? new RegionHome(members.list(), overview.latest(items)) : null;
    }

    /** The region's home page section. */
    public record RegionHome(List<MemberView> members, List<RegionItem> latest) {
    }

    public RegionArea area() {
        return area;
    }

    public RegionMembers members() {
        return members;
    }

    public RegionOverview overview() {
        return overview;
    }

    public RegionFigures figures() {
        return figures;
    }
}
