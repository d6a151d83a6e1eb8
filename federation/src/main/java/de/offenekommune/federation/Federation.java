package de.offenekommune.federation;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.ServerRequest;

import de.offenekommune.federation.delivery.DeliveryMetrics;
import de.offenekommune.federation.delivery.DeliveryWorker;
import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.delivery.HttpDeliverySender;
import de.offenekommune.federation.delivery.LocalKeys;
import de.offenekommune.federation.delivery.Outbox;
import de.offenekommune.federation.delivery.RecipientGoneListener;
import de.offenekommune.federation.delivery.SkipBlockedHosts;
import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.federation.fetch.HostResolver;
import de.offenekommune.federation.fetch.OutboundHttp;
import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.fetch.RemoteFetcher;
import de.offenekommune.federation.fetch.SignedRequests;
import de.offenekommune.federation.inbox.BlockList;
import de.offenekommune.federation.inbox.InboxDispatcher;
import de.offenekommune.federation.inbox.InboxGate;
import de.offenekommune.federation.inbox.InboxHandlers;
import de.offenekommune.federation.inbox.InboxProcessor;
import de.offenekommune.federation.inbox.InboxService;
import de.offenekommune.federation.jsonld.ContextRegistry;
import de.offenekommune.federation.jsonld.DocumentReader;
import de.offenekommune.federation.nodeinfo.NodeInfoProvider;
import de.offenekommune.federation.nodeinfo.NodeInfoService;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.sig.HttpSignatureVerifier;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignaturePolicy;
import de.offenekommune.federation.store.Housekeeping;
import de.offenekommune.federation.store.PgBlockList;
import de.offenekommune.federation.store.PgDeliveryQueue;
import de.offenekommune.federation.store.PgFollowers;
import de.offenekommune.federation.store.PgHostRegistry;
import de.offenekommune.federation.store.PgInboxStore;
import de.offenekommune.federation.store.PgRemoteActors;
import de.offenekommune.federation.webfinger.WebFingerClient;
import de.offenekommune.federation.webfinger.WebFingerDirectory;
import de.offenekommune.federation.webfinger.WebFingerService;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.Capabilities;

/**
 * The federation library wired for one node: what the node's {@code Main} builds once and takes its
 * HttpServices, outbox, fetcher and follower list from. Run {@code FederationSchema.migrate} first.
 */
public final class Federation implements AutoCloseable {
    private final Set<String> localHosts;
    private final DocumentReader reader;
    private final PgHostRegistry hosts;
    private final PgFollowers followers;
    private final PgBlockList blocks;
    private final RemoteFetcher fetcher;
    private final Dereferencer dereferencer;
    private final RemoteActors remoteActors;
    private final InboxHandlers handlers = new InboxHandlers();
    private final InboxProcessor inbox;
    private final InboxDispatcher dispatcher;
    private final InboxGate gate;
    private final DeliveryWorker worker;
    private final Outbox outbox;
    private final DeliveryMetrics metrics;
    private final Housekeeping housekeeping;

    private Federation(Builder b) {
        Clock clock = b.clock;
        FederationSettings settings = b.settings;
        this.localHosts = Set.copyOf(b.localHosts);
        this.reader = new DocumentReader(b.contexts);
        this.hosts = new PgHostRegistry(b.dataSource);
        this.followers = new PgFollowers(b.dataSource);
        this.blocks = new PgBlockList(b.dataSource, clock);
        SignedRequests signed = new SignedRequests(new OutboundHttp(settings.fetch(), b.hostResolver), new HttpSigner(clock), hosts);
        this.fetcher = new RemoteFetcher(signed, b.instanceActor);
        this.dereferencer = new Dereferencer(fetcher, reader, clock, settings.fetch());
        this.remoteActors = new RemoteActors(dereferencer, new PgRemoteActors(b.dataSource), clock,
                settings.remoteActorRefresh(), this::learnCapabilities);
        SignaturePolicy policy = SignaturePolicy.federation(clock);
        policy = new SignaturePolicy(clock, settings.inbox().maxSkew(), policy.cavageAlgorithms(),
                policy.rfc9421Algorithms(), true, policy.minRsaBits());
        PgInboxStore inboxStore = new PgInboxStore(b.dataSource);
        this.dispatcher = new InboxDispatcher(inboxStore, handlers, settings.inbox(), clock);
        this.inbox = new InboxProcessor(reader, new HttpSignatureVerifier(remoteActors, policy), blocks, handlers,
                inboxStore, settings.inbox(), clock, hosts::markAvailableIfKnown, dispatcher::wakeUp);
        this.gate = new InboxGate(settings.inbox().busy(), b.meterRegistry.getOrCreate(
                Counter.builder("federation.inbox.busy").description("Inbox posts refused with 503: too many at once")));
        this.metrics = new DeliveryMetrics(b.meterRegistry);
        PgDeliveryQueue queue = new PgDeliveryQueue(b.dataSource);
        this.worker = new DeliveryWorker(queue,
                new SkipBlockedHosts(blocks, new HttpDeliverySender(signed, b.localKeys)), hosts, followers,
                b.goneListener, metrics, settings.delivery(), clock);
        this.outbox = new Outbox(queue, followers, remoteActors, localHosts, blocks, clock, worker::wakeUp);
        this.housekeeping = new Housekeeping(b.dataSource, clock);
    }

    /** A server that advertises RFC 9421 Ed25519 (FEP-844e) gets Ed25519 signatures from now on. */
    private void learnCapabilities(Actor actor) {
        if (actor.id() != null && actor.capabilities().contains(Capabilities.RFC9421_ED25519)) {
            hosts.advertised(Origin.hostOf(actor.id()), SignatureScheme.RFC9421_ED25519);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the delivery worker and the inbox dispatcher. */
    public void start() {
        worker.start();
        dispatcher.start();
        housekeeping.start();
    }

    @Override
    public void close() {
        housekeeping.close();
        worker.close();
        dispatcher.close();
    }

    /** Register one handler per activity type here before starting. */
    public InboxHandlers inboxHandlers() {
        return handlers;
    }

    /** Mount at {@code /inbox}. */
    public InboxService sharedInbox() {
        return InboxService.shared(inbox, gate);
    }

    /** Mount at e.g. {@code /users/{name}/inbox}; the function names the local actor of the request's path. */
    public InboxService personalInbox(Function<ServerRequest, Optional<String>> ownerOf) {
        return InboxService.personal(inbox, gate, ownerOf);
    }

    /** Mount at {@code /.well-known/webfinger}. */
    public WebFingerService webFinger(WebFingerDirectory directory) {
        return new WebFingerService(directory, localHosts);
    }

    /** Mount at {@code /}: serves {@code /.well-known/nodeinfo} and {@code /nodeinfo/2.1}. */
    public NodeInfoService nodeInfo(NodeInfoProvider provider, String baseUrl) {
        return new NodeInfoService(provider, baseUrl);
    }

    public WebFingerClient webFingerClient() {
        return webFingerClient("https");
    }

    /** @param scheme "https" in production; "http" for nodes on plain HTTP (local demos, loopback tests) */
    public WebFingerClient webFingerClient(String scheme) {
        return new WebFingerClient(fetcher, scheme);
    }

    public Outbox outbox() {
        return outbox;
    }

    public Followers followers() {
        return followers;
    }

    public BlockList blockList() {
        return blocks;
    }

    /** Fetch remote ActivityPub objects (checked content type, id = URL, cached). */
    public Dereferencer dereferencer() {
        return dereferencer;
    }

    /** Any other outbound GET (verification files, ...), through the same guard. */
    public RemoteFetcher fetcher() {
        return fetcher;
    }

    public RemoteActors remoteActors() {
        return remoteActors;
    }

    public DocumentReader documentReader() {
        return reader;
    }

    public DeliveryMetrics deliveryMetrics() {
        return metrics;
    }

    public InboxProcessor inboxProcessor() {
        return inbox;
    }

    public DeliveryWorker deliveryWorker() {
        return worker;
    }

    public InboxDispatcher inboxDispatcher() {
        return dispatcher;
    }

    public static final class Builder {
        private DataSource dataSource;
        private FederationSettings settings = FederationSettings.defaults();
        private Set<String> localHosts = Set.of();
        private ActorKeys instanceActor;
        private LocalKeys localKeys = id -> Optional.empty();
        private Clock clock = Clock.systemUTC();
        private HostResolver hostResolver = HostResolver.system();
        private MeterRegistry meterRegistry;
        private RecipientGoneListener goneListener = (inbox, removed) -> { };
        private ContextRegistry contexts = ContextRegistry.withBuiltIns();

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder config(io.helidon.common.config.Config federationNode) {
            this.settings = FederationSettings.create(federationNode);
            return this;
        }

        public Builder settings(FederationSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The host names this node answers for (WebFinger, local-delivery filter). */
        public Builder localHosts(Set<String> hosts) {
            this.localHosts = hosts;
            return this;
        }

        /** The Application actor whose key signs fetches. */
        public Builder instanceActor(ActorKeys keys) {
            this.instanceActor = keys;
            return this;
        }

        public Builder localKeys(LocalKeys keys) {
            this.localKeys = keys;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder hostResolver(HostResolver resolver) {
            this.hostResolver = resolver;
            return this;
        }

        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        public Builder goneListener(RecipientGoneListener listener) {
            this.goneListener = listener;
            return this;
        }

        /** A registry with the node's own contexts registered; defaults to the built-ins. */
        public Builder contexts(ContextRegistry registry) {
            this.contexts = registry;
            return this;
        }

        public Federation build() {
            Objects.requireNonNull(dataSource, "dataSource");
            if (meterRegistry == null) {
                meterRegistry = Metrics.globalRegistry();
            }
            return new Federation(this);
        }
    }
}
