package de.offenekommune.node.activitypub.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.offenekommune.federation.webfinger.WebFingerAccount;
import de.offenekommune.federation.webfinger.WebFingerDirectory;
import de.offenekommune.node.activitypub.NodeUris;

/**
 * WebFinger for local actors: {@code acct:<handle>@<host>} (host with port where the base URL has
 * one) and the actor or profile URL. Answers only for live actors.
 */
public final class WebFingerAccounts implements WebFingerDirectory {
    private final LocalActors actors;
    private final NodeUris uris;
    private final String authority;

    /** @param authority the host (and port) of the base URL: the part after the {@code @} of handles */
    public WebFingerAccounts(LocalActors actors, NodeUris uris, String authority) {
        this.actors = actors;
        this.uris = uris;
        this.authority = authority;
    }

    @Override
    public Optional<WebFingerAccount> byAccount(String user, String host) {
        return actors.byHandle(user).map(this::account);
    }

    @Override
    public Optional<WebFingerAccount> byUrl(String url) {
        Optional<LocalActor> byId = actors.byId(url).filter(a -> !a.deleted());
        if (byId.isPresent()) {
            return byId.map(this::account);
        }
        if (url.equals(uris.townProfile()) || url.equals(uris.base())) {
            return Optional.of(account(actors.town()));
        }
        // A project page names its group.
        return uris.parse(url).filter(r -> r instanceof de.offenekommune.node.activitypub.LocalRef.Project)
                .flatMap(r -> actors.group(((de.offenekommune.node.activitypub.LocalRef.Project) r).slug()))
                .filter(a -> !a.deleted()).map(this::account);
    }

    private WebFingerAccount account(LocalActor a) {
        List<String> aliases = new ArrayList<>(List.of(a.id()));
        if (!a.profileUrl().equals(a.id())) {
            aliases.add(a.profileUrl());
        }
        return new WebFingerAccount("acct:" + a.handle() + "@" + authority, a.id(), a.profileUrl(), aliases);
    }
}
