package de.offenekommune.node.comment;

/**
 * Who wrote a comment: a local account, or a fediverse actor (name and profile as it told us).
 *
 * @param accountId null for remote authors (and once a local account is gone)
 * @param actorUri null for local authors
 * @param profileUrl an http(s) profile page of a remote author, or null
 */
public record CommentAuthor(Long accountId, String name, String actorUri, String profileUrl) {

    public boolean remote() {
        return actorUri != null;
    }
}
