package de.offenekommune.node.search;

import java.time.Instant;

/**
 * One search result.
 *
 * @param title the object's title with the query's words marked; for comments the plain title of
 *              the page the comment is on
 * @param snippet the best passages of the text, words marked
 * @param author comments only: who wrote it (null otherwise, or once the account is gone)
 * @param path where the hit is shown (a comment: its place on its page)
 * @param at when a proposal or comment was written, when a project last changed
 */
public record SearchHit(SearchKind kind, long id, Highlighted title, Highlighted snippet, String author,
                        String path, Instant at, SearchQuery.Cursor cursor) {
}
