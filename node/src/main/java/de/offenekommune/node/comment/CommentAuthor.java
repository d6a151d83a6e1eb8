package de.offenekommune.node.comment;

/**
 * Who wrote a comment: a local account, or a fediverse actor (name and profile as it told us).
 *
 * @param accountId null for remote authors (and once a local account is gone)
 * @param actorUri null for local authors
 * @param profileUrl an http(s) profile page of a remote author, or null
 * @param verifiedAs the legal name a remote organisation is verified as here now (its badge), or null
 * @param checked    whether this node checked the remote author's attestations (then a page explains the outcome)
 */
public record CommentAuthor(Long accountId, String name, String actorUri, String profileUrl, String verifiedAs,
                            boolean checked) {

    public boolean remote() {
        return actorUri != null;
    }

    public boolean verified() {
        return verifiedAs != null;
    }
}
