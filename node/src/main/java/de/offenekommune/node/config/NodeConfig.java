package de.offenekommune.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.helidon.config.Config;

import de.offenekommune.federation.FederationSettings;
import de.offenekommune.federation.fetch.AddressPolicy;

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
        RegionConfig regionSettings,
        String demoData,
        VerificationConfig verification) {

    /** The demo data sets ({@code node.demo-data}); a region seeds its own by default. */
    public static final Set<String> DEMO_DATA = Set.of("musterstadt", "beispielheim", "region");

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
     * @param metricsToken bearer token for {@code /observe/metrics}; empty = only direct requests from this machine
     */
    public record SecurityConfig(String bootstrapToken, boolean secureCookies, Duration sessionLifetime,
                                 boolean trustProxy, int loginAttemptsPerWindow, int loginAttemptsPerAddress,
                                 int registrationsPerHour, String metricsToken) {
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
        NodeKind kind = NodeKind.parse(node.get("kind").asString().orElse("municipality"));
        return new NodeConfig(
                host,
                port,
                baseUrl,
                name,
                handle(node.get("handle").asString().orElse(slug(name))),
                node.get("ags").asString().orElse(""),
                kind,
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
                        security.get("registrations-per-hour").asInt().orElse(10),
                        security.get("metrics-token").asString().orElse("")),
                federation(federation, baseUrl),
                new ProposalConfig(
                        proposals.get("support-threshold").asInt().orElse(50),
                        Duration.ofDays(7L * proposals.get("support-weeks").asInt().orElse(8))),
                RegionConfig.from(root),
                demoData(node.get("demo-data").asString().orElse(""), kind),
                VerificationConfig.from(root.get("verification")));
    }

    static String demoData(String value, NodeKind kind) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return kind == NodeKind.REGION ? "region" : "musterstadt";
        }
        if (!DEMO_DATA.contains(v)) {
            throw new IllegalArgumentException("node.demo-data must be one of " + DEMO_DATA + ", not " + value);
        }
        return v;
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
            settings = settings.withInbox(settings.inbox().withExternalScheme(baseUrl.getScheme()));
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
