package de.offenekommune.node.activitypub.actor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.activitypub.LocalRef;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectRepository;
import de.offenekommune.node.web.Messages;

/**
 * The directory of local actors: finds them by id or handle, each lookup one indexed query (or none
 * for the town and the instance actor). Handles: the town's configured handle, {@code projekt-<slug>}
 * for projects, the user name for citizens, {@value NodeUris#INSTANCE_HANDLE} for the node; user names
 * ({@code [a-z0-9_]}) never contain the hyphen of project handles, and registration refuses the town's.
 */
public final class LocalActors {
    private final Sql sql;
    private final NodeUris uris;
    private final NodeConfig config;
    private final ProjectRepository projects;
    private final AccountRepository accounts;
    private final List<ActorSource> sources = new CopyOnWriteArrayList<>();

    public LocalActors(Sql sql, NodeUris uris, NodeConfig config, ProjectRepository projects,
                       AccountRepository accounts) {
        this.sql = sql;
        this.uris = uris;
        this.config = config;
        this.projects = projects;
        this.accounts = accounts;
    }

    /** Adds a further kind of actor (verified organisations). */
    public void register(ActorSource source) {
        sources.add(source);
    }

    public LocalActor town() {
        Messages msg = Messages.of(config.defaultLocale());
        return new LocalActor(ActorKind.TOWN, uris.town(), config.handle(), config.name(),
                msg.get(config.region() ? "ap.region.summary" : "ap.town.summary", config.name()),
                uris.townProfile(), 0, false, null, null);
    }

    public LocalActor instance() {
        return new LocalActor(ActorKind.INSTANCE, uris.instance(), NodeUris.INSTANCE_HANDLE,
                config.name() + " (OffeneKommune)", "", uris.townProfile(), 0, false, null, null);
    }

    /** Also deleted projects and gone accounts (their actors answer 410). */
    public Optional<LocalActor> byId(String actorId) {
        Optional<LocalRef> ref = uris.parse(actorId).filter(r -> uris.actorUri(r).map(actorId::equals).orElse(false));
        if (ref.isEmpty()) {
            return sources.stream().map(s -> s.byId(actorId)).flatMap(Optional::stream).findFirst();
        }
        return switch (ref.get()) {
            case LocalRef.Town t -> Optional.of(town());
            case LocalRef.Instance i -> Optional.of(instance());
            case LocalRef.Group g -> group(g.slug());
            case LocalRef.Person p -> person(p.username());
            default -> Optional.empty();
        };
    }

    /** Live actors only. */
    public Optional<LocalActor> byHandle(String handle) {
        String h = handle.toLowerCase(java.util.Locale.ROOT);
        if (h.equals(config.handle())) {
            return Optional.of(town());
        }
        if (h.equals(NodeUris.INSTANCE_HANDLE)) {
            return Optional.of(instance());
        }
        Optional<LocalActor> found = h.startsWith(NodeUris.PROJECT_HANDLE_PREFIX)
                ? group(h.substring(NodeUris.PROJECT_HANDLE_PREFIX.length()))
                : person(h);
        if (found.isPresent()) {
            return found.filter(a -> !a.deleted());
        }
        return sources.stream().map(s -> s.byHandle(h)).flatMap(Optional::stream).findFirst();
    }

    public Optional<LocalActor> group(String slug) {
        return projects.bySlug(sql, slug).map(this::group);
    }

    public LocalActor group(Project p) {
        return new LocalActor(ActorKind.PROJECT, uris.group(p.slug()), NodeUris.projectHandle(p.slug()), p.title(),
                p.summary(), uris.project(p.slug()), p.id(), false, p.createdAt(), p.deletedAt());
    }

    public Optional<LocalActor> person(String username) {
        if (!username.matches("[a-z0-9_]{3,30}")) {
            return Optional.empty();
        }
        String lower = username.toLowerCase(java.util.Locale.ROOT);
        return accounts.byUsername(sql, username).map(a -> new LocalActor(ActorKind.PERSON,
                uris.person(a.username()), a.username(), a.displayName(), "", uris.person(a.username()), a.id(),
                false, a.createdAt(), null))
                // A deleted account: its actor answers 410 with a Tombstone (name and id of the account are gone).
                .or(() -> accounts.deletedAt(sql, lower).map(at -> new LocalActor(ActorKind.PERSON,
                        uris.person(lower), lower, "", "", uris.person(lower), 0, false, null, at)));
    }
}
