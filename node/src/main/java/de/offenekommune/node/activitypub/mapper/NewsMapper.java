package de.offenekommune.node.activitypub.mapper;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.project.News;

/** News posts as {@code Article}s by the town, in their project's group, {@code context} the project. */
public final class NewsMapper {
    private final NodeUris uris;

    public NewsMapper(NodeUris uris) {
        this.uris = uris;
    }

    public ApObject toArticle(News n) {
        String id = uris.news(n.projectSlug(), n.id());
        String town = uris.town();
        String group = uris.group(n.projectSlug());
        if (n.deleted()) {
            return Tombstones.deleted(id, "Article", town, group, n.deletedAt());
        }
        ObjectNode a = ActivityJson.newObject().put("id", id).put("type", "Article")
                .put("name", n.title()).put("summary", n.summary()).put("content", n.bodyHtml())
                .put("mediaType", "text/html").put("url", id)
                .put("attributedTo", town).put("audience", group).put("context", uris.project(n.projectSlug()))
                .put("published", AsText.time(n.publishedAt())).put("updated", AsText.time(n.updatedAt()));
        Addressing.publicly(a, town, group, List.of());
        a.put("replies", id + "/kommentare");
        return new ApObject(id, "Article", town, group, List.of(), a, null);
    }
}
