package de.offenekommune.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.helidon.config.Config;

import de.offenekommune.federation.FederationSettings;
import de.offenekommune.federation.fetch.AddressPolicy;
import de.offenekommune.federation.inbox.InboxConfig;

/**
 * The node's configuration, read once from {@code application.yaml} (environment variables and system
 * properties override it; see docs/operations.md for every key).
 */
public record NodeConfig(
        String host,
        int port,
        URI baseUrl,
        String name,
        String handle,
        String ags,
        NodeKind kind,
        Path dataDir,
        Locale defaultLocale,
        boolean demo,
        DatabaseConfig database,
        MailConfig mail,
        SecurityConfig security,
        FederationConfig federation,
        ProposalConfig proposals,
        VerificationConfig verification) {

    public enum NodeKind {
        MUNICIPALITY, REGION;

        static NodeKind parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "municipality", "gemeinde", "town" -> MUNICIPALITY;
                case "region" -> REGION;
                default -> throw new IllegalArgumentException("node.kind must be municipality or region, not " + value);
            };
        }
    }

    /** @param jdbcUrl empty: embedded PostgreSQL in {@code dataDir/postgres} */
    public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize, int embeddedPort) {
        public boolean embedded() {
            return jdbcUrl == null || jdbcUrl.isBlank();
        }
    }

    /** @param host empty: e-mails are written to the log instead of sent */
    public record MailConfig(String host, int port, String user, String password, boolean startTls, String from) {
        public boolean smtp() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param bootstrapToken a staff API token accepted without database entry (automation); empty = off
     * @param secureCookies cookies only over HTTPS; defaults to true when the base URL is https
     */
    public record SecurityConfig(String bootstrapToken, boolean secureCookies, Duration sessionLifetime,
                                 boolean trustProxy, int loginAttemptsPerWindow, int loginAttemptsPerAddress,
                                 int registrationsPerHour) {
    }

    /**
     * @param enabled               false: no ActivityPub at all (no inbox, WebFinger, publishing)
     * @param allowPrivateAddresses only for local demos and tests: outgoing fetches may reach private and
     *                              loopback addresses
     * @param settings              the federation library's settings ({@code federation.fetch.*},
     *                              {@code federation.delivery.*}, {@code federation.inbox.*})
     * @param voteUpdateDelay       how long votes are collected before the Question's new counts go out
     */
    public record FederationConfig(boolean enabled, boolean allowPrivateAddresses, int deliveryWorkers,
                                   FederationSettings settings, Duration voteUpdateDelay) {
    }

    /**
     * Defaults for new proposals; admins may override both on /admin/einstellungen.
     *
     * @param supportThreshold supports a proposal needs for the addressees to answer
     * @param supportPeriod how long a proposal collects supports
     */
    public record ProposalConfig(int supportThreshold, Duration supportPeriod) {
    }

    /**
     * Verification of organisations (see docs/operations.md, "Verifying organisations").
     *
     * @param region              the region's actor whose attestations this node trusts, if any
     * @param trustAnchors        further issuers (actor URIs) this node trusts
     * @param attestationValidity how long an attestation issued here is valid
     * @param recheckInterval     how often remote organisations' attestations are checked again
     * @param cacheTtl            how long fetched issuer keys and revocation lists are reused
     * @param domainCheckScheme   {@code https}; tests serve the organisation's website over http
     * @param domainCheckPort     0: the scheme's default port; tests point it at their fake website
     */
    public record VerificationConfig(Optional<URI> region, Set<URI> trustAnchors, Duration attestationValidity,
                                     Duration recheckInterval, Duration cacheTtl, String domainCheckScheme,
                                     int domainCheckPort) {
    }

    public static NodeConfig from(Config root) {
        Config server = root.get("server");
        Config node = root.get("node");
        String host = server.get("host").asString().orElse("127.0.0.1");
        int port = server.get("port").asInt().orElse(8080);
        String url = node.get("base-url").asString().orElse("");
        URI baseUrl = URI.create(url.isBlank() ? "http://" + host + ":" + port : stripSlash(url));
        String name = node.get("name").asString().orElse("Musterstadt");
        Config db = root.get("db");
        Config mail = root.get("mail");
        Config security = root.get("security");
        Config federation = root.get("federation");
        Config proposals = root.get("proposals");
        boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
        return new NodeConfig(
                host,
                port,
                baseUrl,
                name,
                handle(node.get("handle").asString().orElse(slug(name))),
                node.get("ags").asString().orElse(""),
                NodeKind.parse(node.get("kind").asString().orElse("municipality")),
                Path.of(node.get("data-dir").asString().orElse("./data")).toAbsolutePath().normalize(),
                Locale.forLanguageTag(node.get("default-locale").asString().orElse("de")),
                node.get("demo").asBoolean().orElse(false),
                new DatabaseConfig(
                        db.get("url").asString().orElse(""),
                        db.get("user").asString().orElse("postgres"),
                        db.get("password").asString().orElse(""),
                        db.get("pool-size").asInt().orElse(16),
                        db.get("embedded-port").asInt().orElse(0)),
                new MailConfig(
                        mail.get("host").asString().orElse(""),
                        mail.get("port").asInt().orElse(587),
                        mail.get("user").asString().orElse(""),
                        mail.get("password").asString().orElse(""),
                        mail.get("starttls").asBoolean().orElse(true),
                        mail.get("from").asString().orElse("beteiligung@" + baseUrl.getHost())),
                new SecurityConfig(
                        security.get("bootstrap-token").asString().orElse(""),
                        security.get("secure-cookies").asBoolean().orElse(https),
                        Duration.ofDays(security.get("session-days").asInt().orElse(30)),
                        security.get("trust-proxy").asBoolean().orElse(false),
                        security.get("login-attempts").asInt().orElse(10),
                        security.get("login-attempts-per-address").asInt().orElse(30),
                        security.get("registrations-per-hour").asInt().orElse(10)),
                federation(federation, baseUrl),
                new ProposalConfig(
                        proposals.get("support-threshold").asInt().orElse(50),
                        Duration.ofDays(7L * proposals.get("support-weeks").asInt().orElse(8))),
                verification(root.get("verification")));
    }

    private static VerificationConfig verification(Config v) {
        Optional<URI> region = v.get("region").asString().asOptional().map(String::strip).filter(s -> !s.isEmpty())
                .map(NodeConfig::actorUri);
        Set<URI> anchors = new LinkedHashSet<>();
        strings(v.get("trust-anchors")).stream().map(String::strip).filter(s -> !s.isEmpty()).map(NodeConfig::actorUri).forEach(anchors::add);
        String scheme = v.get("domain-check-scheme").asString().orElse("https").strip().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("verification.domain-check-scheme must be https or http, not " + scheme);
        }
        return new VerificationConfig(region, Set.copyOf(anchors),
                v.get("attestation-validity").as(Duration.class).orElse(Duration.ofDays(365)),
                v.get("recheck-interval").as(Duration.class).orElse(Duration.ofHours(6)),
                v.get("cache-ttl").as(Duration.class).orElse(Duration.ofMinutes(15)),
                scheme, v.get("domain-check-port").asInt().orElse(0));
    }

    /** A YAML list, or one comma-separated value (environment variables). */
    private static List<String> strings(Config node) {
        if (!node.exists()) {
            return List.of();
        }
        if (node.isLeaf()) {
            return List.of(node.asString().orElse("").split(","));
        }
        return node.asList(String.class).orElse(List.of());
    }

    /** A trusted issuer: an absolute http(s) actor URI. */
    static URI actorUri(String value) {
        URI uri = URI.create(value);
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("verification.region and verification.trust-anchors take actor URLs,"
                    + " not " + value);
        }
        return uri;
    }

    /** The town actor's handle: it must not look like a project group's ({@code projekt-...}). */
    static String handle(String value) {
        String h = value.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("[a-z0-9][a-z0-9-]{0,59}") || h.startsWith("projekt-")) {
            throw new IllegalArgumentException("node.handle must be lower-case letters, digits and hyphens"
                    + " (not starting with projekt-), not " + value);
        }
        return h;
    }

    private static FederationConfig federation(Config federation, URI baseUrl) {
        boolean allowPrivate = federation.get("allow-private-addresses").asBoolean().orElse(false);
        FederationSettings settings = FederationSettings.create(federation);
        if (settings.inbox().externalScheme().isEmpty()) {
            // Behind a TLS proxy the request arrives as http, but RFC 9421 senders signed the https URL.
            InboxConfig in = settings.inbox();
            settings = new FederationSettings(settings.fetch(), settings.delivery(), new InboxConfig(in.maxBodyBytes(),
                    baseUrl.getScheme(), in.maxSkew(), in.maxAttempts(), in.lease(), in.pollInterval()),
                    settings.remoteActorRefresh());
        }
        if (allowPrivate) {
            settings = settings.withFetch(settings.fetch().withAddressPolicy(new AddressPolicy(true, true)));
        }
        return new FederationConfig(federation.get("enabled").asBoolean().orElse(true), allowPrivate,
                federation.get("delivery-workers").asInt().orElse(4), settings,
                federation.get("vote-update-delay").as(Duration.class).orElse(Duration.ofSeconds(30)));
    }

    /** The host (and port, if not default) that actors and WebFinger handles use. */
    public String authority() {
        return baseUrl.getAuthority();
    }

    public boolean region() {
        return kind == NodeKind.REGION;
    }

    public URI url(String path) {
        return URI.create(baseUrl + path);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "kommune" : s;
    }
}
