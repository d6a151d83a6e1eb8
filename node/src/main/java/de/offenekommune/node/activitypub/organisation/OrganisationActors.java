package de.offenekommune.node.activitypub.organisation;

import java.util.Optional;

import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.ActorKind;
import de.offenekommune.node.activitypub.actor.ActorSource;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.organisation.OrganisationService;

/**
 * Organisations as local actors ({@code Organization} at {@code /organisationen/<handle>}, WebFinger
 * {@code org-<handle>}): their keys, inbox, outbox and followers then work as for every other actor.
 * The actor URL is also the organisation's profile page.
 */
public final class OrganisationActors implements ActorSource {
    private static final String HANDLE = "[a-z0-9][a-z0-9-]{0,59}";

    private final NodeUris uris;
    private final OrganisationService organisations;

    public OrganisationActors(NodeUris uris, OrganisationService organisations) {
        this.uris = uris;
        this.organisations = organisations;
    }

    @Override
    public Optional<LocalActor> byId(String actorId) {
        String prefix = uris.base() + Organisation.path("");
        if (actorId == null || !actorId.startsWith(prefix)) {
            return Optional.empty();
        }
        String handle = actorId.substring(prefix.length());
        return handle.matches(HANDLE) ? organisations.byHandle(handle).map(this::actor) : Optional.empty();
    }

    @Override
    public Optional<LocalActor> byHandle(String handle) {
        if (!handle.startsWith(Organisation.HANDLE_PREFIX)) {
            return Optional.empty();
        }
        String own = handle.substring(Organisation.HANDLE_PREFIX.length());
        return own.matches(HANDLE) ? organisations.byHandle(own).map(this::actor).filter(a -> !a.deleted())
                : Optional.empty();
    }

    public String actorId(Organisation o) {
        return uris.base() + o.path();
    }

    public LocalActor actor(Organisation o) {
        String id = actorId(o);
        return new LocalActor(ActorKind.ORGANIZATION, id, o.webFingerHandle(), o.name(), o.summary(), id, o.id(),
                false, o.createdAt(), o.deletedAt());
    }
}
