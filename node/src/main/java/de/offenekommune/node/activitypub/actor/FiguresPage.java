package de.offenekommune.node.activitypub.actor;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.activitypub.ApJson;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.FiguresMapper;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.region.OwnFigures;

/**
 * {@code GET /kommune/kennzahlen}: the town's participation figures as an ActivityStreams document
 * (for every client: it has no HTML page). Regions fetch it from their members.
 */
public final class FiguresPage implements HttpService {
    private final NodeUris uris;
    private final String ags;
    private final OwnFigures figures;
    private final Activities activities;

    public FiguresPage(NodeUris uris, String ags, OwnFigures figures, Activities activities) {
        this.uris = uris;
        this.ags = ags;
        this.figures = figures;
        this.activities = activities;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(NodeUris.TOWN + "/kennzahlen", this::figures);
    }

    private void figures(ServerRequest req, ServerResponse res) {
        ApJson.send(res, activities.withContext(FiguresMapper.toDocument(uris.town(), ags, figures.current())));
    }
}
