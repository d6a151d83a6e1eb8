package de.offenekommune.node;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;


import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import de.offenekommune.federation.fetch.HostResolver;
import de.offenekommune.node.about.AboutPages;
import de.offenekommune.node.about.AboutService;
import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.account.AccountService;
import de.offenekommune.node.account.AuthPages;
import de.offenekommune.node.account.PasswordHasher;
import de.offenekommune.node.account.RateLimiter;
import de.offenekommune.node.account.SessionRepository;
import de.offenekommune.node.account.SessionService;
import de.offenekommune.node.activitypub.ActivityPub;
import de.offenekommune.node.admin.RolePages;
import de.offenekommune.node.admin.StaffDashboardPages;
import de.offenekommune.node.api.ApiAuthFilter;
import de.offenekommune.node.api.ApiFallback;
import de.offenekommune.node.api.ApiTokenPages;
import de.offenekommune.node.api.ApiTokenRepository;
import de.offenekommune.node.api.ApiTokenService;
import de.offenekommune.node.api.OpenApiPage;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.config.NodeSecrets;
import de.offenekommune.node.db.Database;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.demo.DemoSeeder;
import de.offenekommune.node.event.EventApi;
import de.offenekommune.node.event.EventPages;
import de.offenekommune.node.event.EventRepository;
import de.offenekommune.node.event.EventService;
import de.offenekommune.node.event.EventStaffPages;
import de.offenekommune.node.event.ICalendar;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.feed.FeedPages;
import de.offenekommune.node.health.DatabaseHealthCheck;
import de.offenekommune.node.home.HomePages;
import de.offenekommune.node.mail.LogMailSender;
import de.offenekommune.node.mail.MailOutbox;
import de.offenekommune.node.mail.MailSender;
import de.offenekommune.node.mail.SmtpMailSender;
import de.offenekommune.node.privacy.DataRights;
import de.offenekommune.node.privacy.ErasedActorCleanup;
import de.offenekommune.node.project.NewsApi;
import de.offenekommune.node.project.NewsRepository;
import de.offenekommune.node.project.NewsService;
import de.offenekommune.node.project.NewsStaffPages;
import de.offenekommune.node.project.ProjectApi;
import de.offenekommune.node.project.ProjectPages;
import de.offenekommune.node.project.ProjectPartPages;
import de.offenekommune.node.project.ProjectPartsRepository;
import de.offenekommune.node.project.ProjectRepository;
import de.offenekommune.node.project.ProjectService;
import de.offenekommune.node.project.ProjectStaffPages;
import de.offenekommune.node.proposal.ProposalApi;
import de.offenekommune.node.region.Region;
import de.offenekommune.node.survey.ResponseRepository;
import de.offenekommune.node.survey.ResponseService;
import de.offenekommune.node.survey.SurveyApi;
import de.offenekommune.node.survey.SurveyPages;
import de.offenekommune.node.survey.SurveyRepository;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.survey.SurveyStaffPages;
import de.offenekommune.node.verification.Verification;
import de.offenekommune.node.web.Cookies;
import de.offenekommune.node.web.Csrf;
import de.offenekommune.node.web.ErrorPages;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.MetricsAccess;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.SecurityHeaders;
import de.offenekommune.node.web.Site;
import de.offenekommune.node.web.Templates;
import de.offenekommune.node.web.VisitorFilter;

/**
 * One running node: wires configuration, database, services and HTTP routes, and stops them in
 * reverse order. {@link Main} starts one; tests start several in one JVM.
 */
public final class NodeApp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeApp.class.getName());
    /** Request bodies above this are refused with 413 before a handler sees them. */
    static final long MAX_PAYLOAD = 2L * 1024 * 1024;

    private final NodeConfig config;
    private final Database database;
    private final Components components;
    private final WebServer server;
    private final List<AutoCloseable> workers;

    private NodeApp(NodeConfig config, Database database, Components components, WebServer server,
                    List<AutoCloseable> workers) {
        this.config = config;
        this.database = database;
        this.components = components;
        this.server = server;
        this.workers = workers;
    }

    /** Everything a route or a test may need, built once per node. */
    public record Components(NodeConfig config, Clock clock, Sql sql, Pages pages, Forms forms, Cookies cookies,
                             MailOutbox mail, AccountRepository accountRepository, AccountService accounts,
                             SessionService sessions, RateLimiter rateLimiter, ContentEvents events,
                             ProjectService projects, NewsService news, EventService eventService,
                             SurveyService surveys, ResponseService responses, ApiTokenService apiTokens,
                             CitizenParticipation participation, ActivityPub activityPub,
                             OrganisationParticipation organisations, Verification verification, Region region) {
    }

    public static NodeApp start(NodeConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static NodeApp start(NodeConfig config, Clock clock) {
        return start(config, clock, HostResolver.system());
    }

    /** @param hostResolver resolves remote host names for federation (tests map test names to loopback) */
    public static NodeApp start(NodeConfig config, Clock clock, HostResolver hostResolver) {
        Database database = Database.start(config);
        List<AutoCloseable> workers = new ArrayList<>();
        try {
            database.migrate();
            Components c = components(config, clock, database, hostResolver);
            workers.add(c.mail());
            workers.add(c.activityPub());
            workers.add(c.region());
            if (config.demo()) {
                new DemoSeeder(c).seedIfEmpty();
            }
            WebServer server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .maxPayloadSize(MAX_PAYLOAD)
                    // Without it a response written in several parts waits for the client's delayed ACK (~40 ms).
                    .connectionOptions(o -> o.tcpNoDelay(true))
                    .shutdownHook(false)
                    .featuresDiscoverServices(false)
                    .addFeature(ObserveFeature.builder()
                            .addObserver(HealthObserver.builder()
                                    .details(true)
                                    .addCheck(new DatabaseHealthCheck(database))
                                    .build())
                            .addObserver(MetricsObserver.create())
                            .build())
                    .addFeature(StaticContentFeature.create(b -> b.addClasspath(ClasspathHandlerConfig.builder()
                            .location("static")
                            .context("/static")
                            .build())))
                    .routing(r -> routing(r, c))
                    .build()
                    .start();
            // Only now: a Follow sent before the server listens makes the other node fetch our actor in
            // vain, and the Accept would wait for the delivery retry (a minute and more).
            try {
                c.mail().start();
                c.activityPub().start();
                c.region().start();
                if (config.federation().enabled()) {
                    ErasedActorCleanup cleanup = ErasedActorCleanup.create(c);
                    workers.add(cleanup);
                    cleanup.start();
                }
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            LOG.info(() -> "OffeneKommune node \"" + config.name() + "\" serving " + config.baseUrl() + " (port "
                    + server.port() + ")");
            return new NodeApp(config, database, c, server, workers);
        } catch (RuntimeException e) {
            closeAll(workers);
            database.close();
            throw e;
        }
    }

    static Components components(NodeConfig config, Clock clock, Database database, HostResolver hostResolver) {
        Sql sql = database.sql();
        Csrf csrf = new Csrf(NodeSecrets.csrfSecret(sql));
        Pages pages = new Pages(new Templates(), Site.of(config), csrf, config.defaultLocale());
        MailSender sender = config.mail().smtp() ? new SmtpMailSender(config.mail()) : new LogMailSender();
        MailOutbox mail = new MailOutbox(sql, sender, config.mail().from(), clock);
        AccountRepository accountRepository = new AccountRepository();
        SessionRepository sessionRepository = new SessionRepository();
        AccountService accounts = new AccountService(sql, accountRepository, sessionRepository, new PasswordHasher(),
                mail, config, clock);
        SessionService sessions = new SessionService(sql, sessionRepository, clock, config.security().sessionLifetime());
        ContentEvents events = new ContentEvents();
        ProjectRepository projectRepository = new ProjectRepository();
        NewsRepository newsRepository = new NewsRepository();
        ProjectService projects = new ProjectService(sql, projectRepository, new ProjectPartsRepository(),
                newsRepository, events, clock);
        NewsService news = new NewsService(sql, projectRepository, newsRepository, events, clock);
        EventService eventService = new EventService(sql, new EventRepository(), events, clock);
        SurveyRepository surveyRepository = new SurveyRepository();
        SurveyService surveys = new SurveyService(sql, surveyRepository, events, clock);
        ResponseService responses = new ResponseService(sql, surveyRepository, new ResponseRepository(), events, clock);
        ApiTokenService apiTokens = new ApiTokenService(sql, new ApiTokenRepository(),
                config.security().bootstrapToken(), clock);
        Forms forms = new Forms(csrf);
        CitizenParticipation participation = CitizenParticipation.create(config, clock, sql, mail, events);
        OrganisationParticipation organisations = OrganisationParticipation.create(config, clock, sql, events,
                participation);
        ActivityPub activityPub = new ActivityPub(new ActivityPub.Deps(config, clock, database.dataSource(), sql, events,
                participation, responses, accountRepository, pages, forms, hostResolver, organisations));
        Verification verification = Verification.create(config, clock, sql, events, organisations,
                activityPub.federation().fetcher(), URI.create(activityPub.uris().town()),
                activityPub.organisations()::townKey);
        Region region = new Region(config, sql, activityPub, verification.nodeAttestations(), clock);
        return new Components(config, clock, sql, pages, forms, new Cookies(config.security().secureCookies()),
                mail, accountRepository, accounts, sessions, new RateLimiter(sql, clock), events,
                projects, news, eventService, surveys, responses, apiTokens, participation, activityPub, organisations,
                verification, region);
    }

    /** All routes of a node; the order of filters matters (security headers, then the visitor). */
    static void routing(HttpRouting.Builder routing, Components c) {
        // Map tiles: any https server is allowed already; a configured http one (a local tile server) too.
        String tiles = c.config().regionSettings().tileOrigin().filter(o -> o.startsWith("http:"))
                .map(o -> " " + o).orElse("");
        routing.addFilter(new MetricsAccess(c.config().security().metricsToken()))
                .addFilter(new SecurityHeaders("https:" + tiles))
                .addFilter(new VisitorFilter(c.sessions(), c.cookies(), c.config().defaultLocale(),
                        c.config().security().trustProxy()))
                .addFilter(new ApiAuthFilter(c.apiTokens()));
        new ErrorPages(c.pages()).register(routing);
        // Before the pages: the object URLs answer ActivityPub clients with JSON and pass browsers on.
        c.activityPub().routing(routing);
        participation(routing, c);
        routing.register("/", new HomePages(c.pages(), c.forms(), c.cookies(), c.projects(), c.eventService(),
                        c.activityPub().neighbours(), c.region()))
                .register("/", new AuthPages(c.accounts(), c.sessions(), c.rateLimiter(), c.pages(), c.forms(),
                        c.cookies(), c.config().security()))
                .register("/admin/rollen", new RolePages(c.accounts(), c.accountRepository(), c.sql(), c.pages(),
                        c.forms()))
                .register("/", new StaffDashboardPages(c.pages()))
                .register("/", new AboutPages(new AboutService(c.config(), c.sql(), c.region(),
                        c.organisations().heldAttestations(), c.activityPub().uris().town(),
                        c.config().federation().enabled() ? c.activityPub().federation().blockList()::list : List::of,
                        c.clock()), c.pages()));
        c.participation().routing(routing, c.pages(), c.forms(), c.clock(), c.organisations().statements());
        c.organisations().routing(routing, c.pages(), c.forms());
        c.verification().routing(routing, c.organisations(), c.pages(), c.forms(), c.config().baseUrl().toString());
        c.region().routing(routing, c.pages(), c.forms());
        DataRights.create(c).routing(routing, c);
    }

    /** Projects, news, events and surveys: public pages, staff pages, feeds and the staff API. */
    private static void participation(HttpRouting.Builder routing, Components c) {
        String base = c.config().baseUrl().toString();
        ICalendar ical = new ICalendar(base, c.config().baseUrl().getHost(), c.config().name());
        routing.register("/",
                        new ProjectPages(c.projects(), c.news(), c.eventService(), c.surveys(),
                                c.participation().comments(), c.organisations().statements(), c.pages()),
                        new ProjectStaffPages(c.projects(), c.surveys(), c.pages(), c.forms()),
                        new ProjectPartPages(c.projects(), c.pages(), c.forms()),
                        new NewsStaffPages(c.projects(), c.news(), c.pages(), c.forms()),
                        new EventPages(c.eventService(), ical, c.pages()),
                        new EventStaffPages(c.eventService(), c.projects(), c.pages(), c.forms()),
                        new SurveyPages(c.surveys(), c.responses(), c.pages(), c.forms()),
                        new SurveyStaffPages(c.surveys(), c.projects(), c.pages(), c.forms()),
                        new FeedPages(c.projects(), c.news(), c.pages(), base))
                .register("/admin/api-tokens", new ApiTokenPages(c.apiTokens(), c.pages(), c.forms()))
                .register("/api", new OpenApiPage())
                .register(ApiAuthFilter.PREFIX,
                        new ProjectApi(c.projects(), base),
                        new NewsApi(c.projects(), c.news(), base),
                        new EventApi(c.eventService(), base),
                        new SurveyApi(c.surveys(), c.responses(), base),
                        new ProposalApi(c.participation().proposals(), base),
                        new ApiFallback());
    }

    public int port() {
        return server.port();
    }

    public NodeConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Components components() {
        return components;
    }

    /** Stops accepting requests, lets workers finish, then stops the database (cleanly, with a checkpoint). */
    @Override
    public void close() {
        server.stop();
        closeAll(workers);
        database.close();
        LOG.info("Node stopped");
    }

    private static void closeAll(List<AutoCloseable> workers) {
        for (AutoCloseable w : workers.reversed()) {
            try {
                w.close();
            } catch (Exception e) {
                LOG.warning("Stopping " + w + " failed: " + e.getMessage());
            }
        }
    }
}
