package de.offenekommune.node.activitypub;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;

import de.offenekommune.federation.Federation;
import de.offenekommune.federation.fetch.HostResolver;
import de.offenekommune.federation.jsonld.ContextRegistry;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.webfinger.WebFingerService;
import de.offenekommune.node.CitizenParticipation;
import de.offenekommune.node.OrganisationParticipation;
import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.activitypub.actor.ActorDocuments;
import de.offenekommune.node.activitypub.actor.ActorKeyStore;
import de.offenekommune.node.activitypub.attestation.NodeAttestationFederation;
import de.offenekommune.node.activitypub.actor.ActorPages;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.activitypub.actor.LocalActors;
import de.offenekommune.node.activitypub.actor.FiguresPage;
import de.offenekommune.node.activitypub.actor.NodeInfoFigures;
import de.offenekommune.node.activitypub.actor.WebFingerAccounts;
import de.offenekommune.node.activitypub.inbox.InboxContext;
import de.offenekommune.node.activitypub.inbox.InboxWiring;
import de.offenekommune.node.activitypub.mapper.CommentMapper;
import de.offenekommune.node.activitypub.mapper.EventMapper;
import de.offenekommune.node.activitypub.mapper.NewsMapper;
import de.offenekommune.node.activitypub.mapper.ProjectMapper;
import de.offenekommune.node.activitypub.mapper.ProposalMapper;
import de.offenekommune.node.activitypub.mapper.SurveyMapper;
import de.offenekommune.node.activitypub.neighbourhood.ConfiguredFollows;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourBackfill;
import de.offenekommune.node.activitypub.policy.BlockPages;
import de.offenekommune.node.activitypub.policy.BlockService;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourPages;
import de.offenekommune.node.activitypub.organisation.OrganisationFederation;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourRepository;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.activitypub.neighbourhood.RemoteActions;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.ActivityStore;
import de.offenekommune.node.activitypub.publish.BlockedBy;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.activitypub.publish.Publisher;
import de.offenekommune.node.activitypub.publish.Relay;
import de.offenekommune.node.activitypub.publish.VoterInboxes;
import de.offenekommune.node.addressee.AddresseeRepository;
import de.offenekommune.node.comment.CommentRepository;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.event.EventRepository;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.project.NewsRepository;
import de.offenekommune.node.project.ProjectPartsRepository;
import de.offenekommune.node.project.ProjectRepository;
import de.offenekommune.node.region.OwnFigures;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.survey.ResponseService;
import de.offenekommune.node.survey.SurveyRepository;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;

/**
 * The node's ActivityPub side, built once: the federation library wired to the node's database
 * and actors, the publisher on the content events, the inbox handlers, and the HTTP services
 * (actors, negotiated object URLs, inboxes, WebFinger, NodeInfo, the JSON-LD context, neighbours).
 */
public final class ActivityPub implements AutoCloseable {
    private static final Duration RELAY_POLL = Duration.ofSeconds(1);

    /** What the node passes in. */
    public record Deps(NodeConfig config, Clock clock, DataSource dataSource, Sql sql, ContentEvents events,
                       CitizenParticipation participation, ResponseService responses, AccountRepository accounts,
                       Pages pages, Forms forms, HostResolver hostResolver,
                       OrganisationParticipation organisations) {
    }

    private final NodeConfig config;
    private final NodeUris uris;
    private final ApContext context;
    private final Federation federation;
    private final LocalActors actors;
    private final ActorDocuments documents;
    private final ActivityStore store;
    private final Relay relay;
    private final LocalObjects objects;
    private final Activities activities;
    private final Publications publications;
    private final NeighbourService neighbours;
    private final RemoteActions remoteActions;
    private final ConfiguredFollows configuredFollows;
    private final NeighbourBackfill backfill;
    private final NodeInfoFigures nodeInfo;
    private final ActorKeyStore keys;
    private final OrganisationFederation organisations;
    private final OrganisationParticipation organisationParticipation;
    private final NodeAttestationFederation nodeAttestations;
    private final Sql sql;
    private final Clock clock;
    private final Pages pages;
    private final Forms forms;

    public ActivityPub(Deps d) {
        this.config = d.config();
        this.sql = d.sql();
        this.clock = d.clock();
        this.pages = d.pages();
        this.forms = d.forms();
        this.uris = new NodeUris(d.config().baseUrl().toString());
        this.context = ApContext.load();
        ContextRegistry registry = ContextRegistry.withBuiltIns();
        context.registerIn(registry);
        this.keys = new ActorKeyStore(d.sql());
        this.organisationParticipation = d.organisations();
        this.actors = new LocalActors(d.sql(), uris, d.config(), new ProjectRepository(), d.accounts());
        this.documents = new ActorDocuments(uris, keys, context);
        this.federation = Federation.builder()
                .dataSource(d.dataSource())
                .settings(d.config().federation().settings())
                .localHosts(localHosts(d.config()))
                .instanceActor(keys.keys(uris.instance()).keys())
                .localKeys(keys)
                .clock(d.clock())
                .hostResolver(d.hostResolver())
                .contexts(registry)
                .meterRegistry(Metrics.globalRegistry())
                .build();
        this.store = new ActivityStore();
        this.relay = new Relay(d.sql(), store, federation.outbox(), uris, d.clock(), RELAY_POLL);
        this.activities = new Activities(uris, context, d.clock());
        BlockedBy blockedBy = new BlockedBy();
        this.publications = new Publications(store, activities, blockedBy, d.clock(), relay::wakeUp);
        Messages msg = Messages.of(d.config().defaultLocale());
        this.objects = new LocalObjects(uris,
                new LocalObjects.Sources(new ProjectRepository(), new ProjectPartsRepository(), new NewsRepository(),
                        d.participation().proposalRepository(), new AddresseeRepository(), new SurveyRepository(),
                        d.responses(), new EventRepository(), new CommentRepository(), new ObjectQueries()),
                new LocalObjects.Mappers(new ProjectMapper(uris, msg), new NewsMapper(uris),
                        new ProposalMapper(uris, msg), new SurveyMapper(uris, msg), new EventMapper(uris),
                        new CommentMapper(uris, msg)),
                d.clock());
        NeighbourRepository neighbourRepository = new NeighbourRepository();
        this.neighbours = new NeighbourService(d.sql(), neighbourRepository, uris,
                federation.webFingerClient(d.config().baseUrl().getScheme()), federation.remoteActors(),
                federation.dereferencer(), federation.blockList(), activities, publications, d.clock());
        this.backfill = new NeighbourBackfill(neighbours, federation.remoteActors(), federation.dereferencer());
        neighbours.onAccepted(backfill::start);
        this.configuredFollows = new ConfiguredFollows(neighbours, d.config().regionSettings().retryInterval());
        configuredFollows.register(ConfiguredFollows.neighbours(neighbours, d.config().regionSettings().follow()));
        this.remoteActions = new RemoteActions(d.sql(), neighbourRepository, neighbours, uris, activities,
                publications, d.clock());
        this.nodeInfo = new NodeInfoFigures(d.sql(), d.config(), d.clock());
        this.organisations = new OrganisationFederation(new OrganisationFederation.Deps(d.config(), d.clock(), d.sql(),
                uris, context, federation, keys, actors, documents, activities, publications, neighbours,
                d.organisations()));
        this.nodeAttestations = new NodeAttestationFederation(new NodeAttestationFederation.Deps(d.config(), d.clock(),
                d.sql(), uris, federation, actors, documents, activities, publications, neighbours, d.organisations(),
                organisations));
        VoterInboxes voters = new VoterInboxes();
        if (d.config().federation().enabled()) {
            organisations.subscribe(d.events());
            d.events().subscribe(new Publisher(uris, objects, new ObjectQueries(), publications, voters, d.clock(),
                    d.config().federation().voteUpdateDelay()));
            InboxWiring.register(federation.inboxHandlers(), new InboxContext(d.sql(), uris, actors,
                    federation.remoteActors(), federation.dereferencer(), federation.followers(), blockedBy,
                    activities, publications, voters, d.participation(), d.responses(), neighbours,
                    d.organisations(), organisations, nodeAttestations, d.clock()));
        }
    }

    /**
     * The hosts the federation library treats as this node's own: only the base URL's authority. With
     * a port (the three-towns example runs three nodes on 127.0.0.1:8081-8083) the bare host is not
     * ours alone; the library compares hosts without ports, so the relay leaves our own URLs out itself.
     */
    static Set<String> localHosts(NodeConfig config) {
        return Set.of(config.baseUrl().getAuthority().toLowerCase(Locale.ROOT));
    }

    /** WebFinger answers for the authority ({@code acct:x@host:port}) and for URLs on our host. */
    static Set<String> webFingerHosts(NodeConfig config) {
        Set<String> hosts = new LinkedHashSet<>(localHosts(config));
        hosts.add(Origin.hostOf(config.baseUrl().toString()));
        return hosts;
    }

    public void start() {
        if (config.federation().enabled()) {
            federation.start();
            relay.start();
            configuredFollows.start();
            organisations.start();
        }
    }

    @Override
    public void close() {
        organisations.close();
        backfill.close();
        configuredFollows.close();
        relay.close();
        federation.close();
    }

    public void routing(HttpRouting.Builder routing) {
        routing.register("/", new NeighbourPages(neighbours, remoteActions, organisationParticipation.statements(),
                actors -> organisationParticipation.remoteStatus().townBadges(sql, actors), pages, forms));
        if (!config.federation().enabled()) {
            return;
        }
        routing.register("/", new BlockPages(new BlockService(federation.blockList(), federation.followers(),
                        config.baseUrl().getHost()), pages, forms))
                .register("/", new ObjectPages(sql, uris, objects, activities, store, context))
                .register("/", new CollectionPages(sql, uris, new ObjectQueries()))
                .register("/", new ActorPages(sql, uris, actors, documents, store, federation.followers(), neighbours,
                        remoteActions, pages))
                .register(NodeUris.SHARED_INBOX, federation.sharedInbox())
                .register("/.well-known/webfinger", new WebFingerService(new WebFingerAccounts(actors, uris,
                        config.authority()), webFingerHosts(config)))
                .register("/", federation.nodeInfo(nodeInfo, uris.base()))
                .register("/", new FiguresPage(uris, config.ags(), new OwnFigures(sql, clock), activities));
        organisations.routing(routing);
        for (String actorPath : java.util.List.of(NodeUris.TOWN, NodeUris.INSTANCE, NodeUris.GROUP, NodeUris.PERSON,
                NodeUris.ORGANISATION)) {
            routing.register(actorPath + "/inbox", federation.personalInbox(this::inboxOwner));
        }
    }

    /** The live local actor a personal inbox path names. */
    private Optional<String> inboxOwner(ServerRequest req) {
        String path = req.path().absolute().rawPath();
        String actorPath = path.substring(0, path.length() - "/inbox".length());
        return actors.byId(uris.base() + actorPath).filter(a -> !a.deleted()).map(LocalActor::id);
    }

    public NodeUris uris() {
        return uris;
    }

    public Federation federation() {
        return federation;
    }

    public LocalActors actors() {
        return actors;
    }

    public ActorDocuments actorDocuments() {
        return documents;
    }

    public LocalObjects objects() {
        return objects;
    }

    public NeighbourService neighbours() {
        return neighbours;
    }

    /** Follows configured handles (neighbours, region members) until reached. */
    public ConfiguredFollows configuredFollows() {
        return configuredFollows;
    }

    public RemoteActions remoteActions() {
        return remoteActions;
    }

    public ApContext context() {
        return context;
    }

    public Relay relay() {
        return relay;
    }

    public Activities activities() {
        return activities;
    }

    /** Outgoing activities, written in the caller's transaction (the actor Delete of an erased account). */
    public Publications publications() {
        return publications;
    }

    public ActorKeyStore keys() {
        return keys;
    }

    public OrganisationFederation organisations() {
        return organisations;
    }

    /** Node attestations: a region's delivery to its members, a member's receipt. */
    public NodeAttestationFederation nodeAttestations() {
        return nodeAttestations;
    }
}
