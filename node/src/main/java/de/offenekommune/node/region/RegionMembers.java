package de.offenekommune.node.region;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.activitypub.neighbourhood.ConfiguredFollows;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.config.RegionConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.municipality.Municipality;
import de.offenekommune.node.municipality.MunicipalityDirectory;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * The region's member towns: configured ones ({@code region.members}, synchronised at start) and
 * those an admin adds or removes. Every member is followed as a neighbour by its handle; until its
 * node answers, {@link ConfiguredFollows} keeps trying.
 */
public final class RegionMembers {
    private static final Logger LOG = Logger.getLogger(RegionMembers.class.getName());

    /** What adding a member did. */
    public sealed interface AddResult {
        /** @param reached its town actor was found and followed at once */
        record Added(String ags, boolean reached) implements AddResult {
        }

        record AlreadyMember(String ags) implements AddResult {
        }
    }

    private final Sql sql;
    private final RegionMemberRepository repository;
    private final RegionArea area;
    private final NeighbourService neighbours;
    private final Clock clock;

    public RegionMembers(Sql sql, RegionMemberRepository repository, RegionArea area, NeighbourService neighbours,
                         Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.area = area;
        this.neighbours = neighbours;
        this.clock = clock;
    }

    /** Writes the configured members; refuses to start with an unknown key or a malformed handle. */
    public void syncConfigured(List<RegionConfig.Member> configured) {
        for (RegionConfig.Member m : configured) {
            String handle = NeighbourService.normalise(m.handle());
            if (area.directory().byAgs(m.ags()).isEmpty() || !NeighbourService.validHandle(handle)) {
                throw new IllegalArgumentException("region.members: unknown AGS or malformed handle: " + m.ags()
                        + " / " + m.handle());
            }
            sql.runInTransaction(tx -> repository.upsertConfigured(tx, m.ags(), handle, clock.instant()));
        }
    }

    public List<MemberView> list() {
        return repository.all(sql).stream().map(l -> new MemberView(l.member(), area.name(l.member().ags()), l.state()))
                .sorted(Comparator.comparing(MemberView::name).thenComparing(MemberView::ags)).toList();
    }

    /** Member names by the actor of their town (for lists of items). */
    public Map<String, MemberView> byActor() {
        return list().stream().filter(v -> v.member().linked())
                .collect(Collectors.toMap(v -> v.member().actorUri(), v -> v, (a, b) -> a));
    }

    /** Municipalities of the region's district that are not members yet, for the form. */
    public List<Municipality> candidates() {
        Set<String> members = new HashSet<>(list().stream().map(MemberView::ags).toList());
        return area.municipalities().stream().filter(m -> !members.contains(m.ags())).toList();
    }

    /**
     * Adds a member and tries to follow it at once; if its node cannot be reached now, it is tried
     * again in the background.
     *
     * @throws InvalidInput unknown or malformed key, malformed handle
     */
    public AddResult add(Account admin, String ags, String handle) {
        requireAdmin(admin);
        String key = ags == null ? "" : ags.strip();
        String h = NeighbourService.normalise(handle);
        new InvalidInput.Collector()
                .check(key.matches("[0-9]{8}"), "ags", "region.error.ags-format")
                .check(!key.matches("[0-9]{8}") || area.directory().byAgs(key).isPresent(), "ags",
                        "region.error.ags-unknown")
                .check(NeighbourService.validHandle(h), "handle", "region.error.handle")
                .throwIfAny();
        boolean added = sql.inTransaction(tx -> repository.insert(tx, key, h, RegionMember.Source.ADMIN, admin.id(),
                clock.instant()));
        if (!added) {
            return new AddResult.AlreadyMember(key);
        }
        LOG.info(() -> "Member " + key + " (" + h + ") added by " + admin.username());
        return new AddResult.Added(key, link(repository.byAgs(sql, key).orElseThrow()));
    }

    /** Removes an admin-added member and stops following its town. */
    public void remove(Account admin, String ags) {
        requireAdmin(admin);
        RegionMember m = repository.byAgs(sql, ags == null ? "" : ags.strip()).orElseThrow(HttpError::notFound);
        if (m.source() == RegionMember.Source.CONFIG) {
            throw HttpError.badRequest("region.error.configured");
        }
        sql.runInTransaction(tx -> repository.delete(tx, m.ags()));
        if (m.linked() && neighbours.isNeighbour(m.actorUri())) {
            neighbours.unfollow(admin, m.actorUri());
        }
        LOG.info(() -> "Member " + m.ags() + " removed by " + admin.username());
    }

    /** The members still to be followed, for {@link ConfiguredFollows}. */
    public Supplier<List<ConfiguredFollows.Want>> wants() {
        return () -> repository.unlinked(sql).stream().map(m -> new ConfiguredFollows.Want(m.handle(),
                n -> sql.runInTransaction(tx -> repository.linked(tx, m.ags(), n.actorUri(), clock.instant())),
                reason -> sql.runInTransaction(tx -> repository.failed(tx, m.ags(), reason, clock.instant()))))
                .toList();
    }

    public Optional<RegionMember> byActor(String actorUri) {
        return repository.byActor(sql, actorUri);
    }

    public List<RegionMember> connected() {
        return repository.connected(sql);
    }

    /** One attempt to follow the member now; false if its node could not be reached. */
    private boolean link(RegionMember m) {
        try {
            var n = switch (neighbours.followHandle(m.handle())) {
                case NeighbourService.FollowResult.Followed f -> f.neighbour();
                case NeighbourService.FollowResult.AlreadyFollowed a -> a.neighbour();
            };
            sql.runInTransaction(tx -> repository.linked(tx, m.ags(), n.actorUri(), clock.instant()));
            return true;
        } catch (InvalidInput e) {
            String reason = e.fields().values().stream().findFirst().orElse("neighbours.error.unknown");
            sql.runInTransaction(tx -> repository.failed(tx, m.ags(), reason, clock.instant()));
            return false;
        }
    }

    private static void requireAdmin(Account account) {
        if (!account.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }
}
