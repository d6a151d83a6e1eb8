package de.offenekommune.node.about;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import de.offenekommune.federation.inbox.BlockList;
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
    private final Supplier<List<BlockList.Block>> blocks;
    private final Clock clock;

    /** @param blocks the node's blocks (empty when it does not federate) */
    public AboutService(NodeConfig config, Sql sql, Region region, HeldAttestationRepository held, String townActor,
                        Supplier<List<BlockList.Block>> blocks, Clock clock) {
        this.config = config;
        this.sql = sql;
        this.region = region;
        this.held = held;
        this.townActor = townActor;
        this.blocks = blocks;
        this.clock = clock;
    }

    public About about() {
        String ags = config.ags().strip();
        List<BlockList.Block> servers = blocks.get().stream().filter(b -> b.kind().equals("domain")).toList();
        if (config.region()) {
            return new About(config.name(), true, ags, null, region.area().district().orElse(null), townActor,
                    List.of(), region.members().list(), servers);
        }
        return new About(config.name(), false, ags, region.area().municipality(ags).orElse(null), null, townActor,
                held.live(sql, clock.instant()), List.of(), servers);
    }
}
