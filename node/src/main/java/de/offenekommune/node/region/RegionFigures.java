package de.offenekommune.node.region;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.federation.fetch.Dereferenced;
import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.work.PollingLoop;
import de.offenekommune.node.activitypub.mapper.FiguresMapper;
import de.offenekommune.node.db.Sql;

/**
 * Participation per member town: each connected member's own figures document is fetched from its
 * origin now and then ({@code region.figures-interval}) and when it accepts the region's follow,
 * so the region shows exactly what each town counts in its own database.
 */
public final class RegionFigures implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RegionFigures.class.getName());

    /** A member with the figures it published last (none before the first fetch). */
    public record TownFigures(MemberView member, Optional<MemberFiguresRepository.Fetched> figures) {
    }

    private final Sql sql;
    private final MemberFiguresRepository repository;
    private final RegionMembers members;
    private final Dereferencer dereferencer;
    private final Clock clock;
    private final PollingLoop loop;

    public RegionFigures(Sql sql, MemberFiguresRepository repository, RegionMembers members, Dereferencer dereferencer,
                         Clock clock, Duration interval) {
        this.sql = sql;
        this.repository = repository;
        this.members = members;
        this.dereferencer = dereferencer;
        this.clock = clock;
        this.loop = new PollingLoop("region-figures", interval, () -> {
            refreshAll();
            return false;
        });
    }

    /** The members with what they published last, by name. */
    public List<TownFigures> table() {
        Map<String, MemberFiguresRepository.Fetched> all = repository.all(sql);
        return members.list().stream().map(m -> new TownFigures(m, Optional.ofNullable(all.get(m.ags())))).toList();
    }

    /** Fetches every connected member's figures; returns how many were updated. */
    public int refreshAll() {
        int updated = 0;
        for (RegionMember m : members.connected()) {
            if (refresh(m)) {
                updated++;
            }
        }
        return updated;
    }

    /** Fetches one member's figures (after it accepted the follow). */
    public void refreshActor(String actorUri) {
        members.byActor(actorUri).ifPresent(this::refresh);
    }

    private boolean refresh(RegionMember m) {
        Dereferenced d = dereferencer.fetchFresh(FiguresMapper.documentId(m.actorUri()));
        Optional<ParticipationFigures> f = d instanceof Dereferenced.Found found && found.document() instanceof AsObject o
                ? FiguresMapper.fromDocument(m.actorUri(), o) : Optional.empty();
        if (f.isEmpty()) {
            LOG.fine(() -> "No figures from " + m.actorUri() + ": " + d);
            return false;
        }
        sql.runInTransaction(tx -> repository.save(tx, m.ags(), f.get(), clock.instant()));
        return true;
    }

    /** Refreshes in the background every interval (the first time one interval after the start). */
    public void start() {
        loop.startAfterPause();
    }

    @Override
    public void close() {
        loop.close();
    }
}
