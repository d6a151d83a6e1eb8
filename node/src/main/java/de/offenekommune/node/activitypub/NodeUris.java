package de.offenekommune.node.activitypub;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every ActivityPub URI of the node, built and parsed in one place. Public objects use the URLs of
 * their HTML pages as ids; actors, collections and activities have their own paths. The route
 * templates here are the ones the HTTP services register, so building and routing cannot drift apart.
 */
public final class NodeUris {
    public static final String TOWN = "/kommune";
    public static final String INSTANCE = "/actor";
    public static final String GROUP = "/projekte/{slug}/gruppe";
    public static final String PERSON = "/profil/{username}";
    /** Organisations' actors (and profile pages); the {@code ActorSource} of organisations resolves them. */
    public static final String ORGANISATION = "/organisationen/{handle}";
    public static final String SHARED_INBOX = "/inbox";
    public static final String ACTIVITY = "/aktivitaeten/{uuid}";
    public static final String REMOTE_ACTION = "/profil/{username}/fern/{uuid}";
    public static final String CONTEXT = "/ns/v1";
    /** Handles of project groups start with this; user names cannot contain a hyphen, so they never collide. */
    public static final String PROJECT_HANDLE_PREFIX = "projekt-";
    /** The instance actor's handle; the dot keeps it apart from user names, slugs and the town handle. */
    public static final String INSTANCE_HANDLE = "instance.actor";

    private static final List<Shape> SHAPES = List.of(
            new Shape("/projekte/([a-z0-9-]{1,100})", m -> new LocalRef.Project(m.group(1))),
            new Shape("/projekte/([a-z0-9-]{1,100})/gruppe", m -> new LocalRef.Group(m.group(1))),
            new Shape("/projekte/([a-z0-9-]{1,100})/neuigkeiten/(\\d{1,18})",
                    m -> new LocalRef.News(m.group(1), Long.parseLong(m.group(2)))),
            new Shape("/vorschlaege/(\\d{1,18})", m -> new LocalRef.Proposal(Long.parseLong(m.group(1)))),
            new Shape("/vorschlaege/(\\d{1,18})/antwort", m -> new LocalRef.Answer(Long.parseLong(m.group(1)))),
            new Shape("/umfragen/(\\d{1,18})", m -> new LocalRef.Survey(Long.parseLong(m.group(1)))),
            new Shape("/umfragen/(\\d{1,18})/fragen/(\\d{1,18})",
                    m -> new LocalRef.Question(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))),
            new Shape("/termine/(\\d{1,18})", m -> new LocalRef.Event(Long.parseLong(m.group(1)))),
            new Shape("/kommentare/(\\d{1,18})", m -> new LocalRef.Comment(Long.parseLong(m.group(1)))),
            new Shape("/kommune", m -> new LocalRef.Town()),
            new Shape("/actor", m -> new LocalRef.Instance()),
            new Shape("/profil/([a-z0-9_]{3,30})", m -> new LocalRef.Person(m.group(1))),
            new Shape("/profil/([a-z0-9_]{3,30})/fern/([0-9a-f-]{36})",
                    m -> new LocalRef.RemoteAction(m.group(1), UUID.fromString(m.group(2)))),
            new Shape("/aktivitaeten/([0-9a-f-]{36})", m -> new LocalRef.Activity(UUID.fromString(m.group(1)))));

    private final String base;

    /** @param baseUrl the node's public base URL, without a trailing slash */
    public NodeUris(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String base() {
        return base;
    }

    public String town() {
        return base + TOWN;
    }

    public String townProfile() {
        return base + "/";
    }

    public String instance() {
        return base + INSTANCE;
    }

    public String group(String slug) {
        return base + "/projekte/" + slug + "/gruppe";
    }

    public String person(String username) {
        return base + "/profil/" + username;
    }

    public String sharedInbox() {
        return base + SHARED_INBOX;
    }

    public static String inbox(String actor) {
        return actor + "/inbox";
    }

    public static String outbox(String actor) {
        return actor + "/outbox";
    }

    public static String followers(String actor) {
        return actor + "/followers";
    }

    public static String following(String actor) {
        return actor + "/following";
    }

    public String project(String slug) {
        return base + "/projekte/" + slug;
    }

    public String projectsWithTopic(String code) {
        return base + "/projekte?thema=" + code;
    }

    public String news(String slug, long id) {
        return project(slug) + "/neuigkeiten/" + id;
    }

    public String proposal(long id) {
        return base + "/vorschlaege/" + id;
    }

    public String proposalsWithTopic(String topic) {
        return base + "/vorschlaege?thema=" + topic;
    }

    public String answer(long proposalId) {
        return proposal(proposalId) + "/antwort";
    }

    public String survey(long id) {
        return base + "/umfragen/" + id;
    }

    public String question(long surveyId, long questionId) {
        return survey(surveyId) + "/fragen/" + questionId;
    }

    public String event(long id) {
        return base + "/termine/" + id;
    }

    public String comment(long id) {
        return base + "/kommentare/" + id;
    }

    public String activity(UUID uuid) {
        return base + "/aktivitaeten/" + uuid;
    }

    public String remoteAction(String username, UUID uuid) {
        return person(username) + "/fern/" + uuid;
    }

    public String statement(long id) {
        return base + "/stellungnahmen/" + id;
    }

    public String context() {
        return base + CONTEXT;
    }

    public static String projectHandle(String slug) {
        return PROJECT_HANDLE_PREFIX + slug;
    }

    /** The actor URI a reference names, if it names an actor. */
    public Optional<String> actorUri(LocalRef ref) {
        return switch (ref) {
            case LocalRef.Town t -> Optional.of(town());
            case LocalRef.Instance i -> Optional.of(instance());
            case LocalRef.Group g -> Optional.of(group(g.slug()));
            case LocalRef.Person p -> Optional.of(person(p.username()));
            default -> Optional.empty();
        };
    }

    /** What a URI of this node names, if it names anything; foreign URIs and unknown paths give empty. */
    public Optional<LocalRef> parse(String uri) {
        if (uri == null || !uri.startsWith(base + "/")) {
            return Optional.empty();
        }
        String path = uri.substring(base.length());
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern.matcher(path);
            if (m.matches()) {
                return Optional.of(shape.build.apply(m));
            }
        }
        return Optional.empty();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private record Shape(Pattern pattern, java.util.function.Function<Matcher, LocalRef> build) {
        Shape(String regex, java.util.function.Function<Matcher, LocalRef> build) {
            this(Pattern.compile(regex), build);
        }
    }
}
