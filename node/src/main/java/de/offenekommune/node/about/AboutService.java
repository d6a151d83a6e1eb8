package de.offenekommune.node.about;

import java.time.Clock;
import java.util.List;

import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.region.Region;
import de.offenekommune.node.verification.HeldAttestationRepository;

/** Gathers the about page: the node's own settings, the official list, and one query for the attestations. */
public final class AboutService {
    private final NodeConfig config;
    private final Sql sql;
    private final Region region;
    private final HeldAttestationRepository held;
    private final String townActor;
    private final Clock clock;

    public AboutService(NodeConfig config, Sql sql, Region region, HeldAttestationRepository held, String townActor,
                        Clock clock) {
        this.config = config;
        this.sql = sql;
        this.region = region;
        this.held = held;
        this.townActor = townActor;
        this.clock = clock;
    }

    public About about() {
        String ags = config.ags().strip();
        if (config.region()) {
            return new About(config.name(), true, ags, null, region.area().district().orElse(null), townActor,
                    List.of(), region.members().list());
        }
        return new About(config.name(), false, ags, region.area().municipality(ags).orElse(null), null, townActor,
                held.live(sql, clock.instant()), List.of());
    }
}
