package de.offenekommune.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.offenekommune.node.AccessTable.Caller;
import de.offenekommune.node.AccessTable.Row;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * Who may use which route. {@link AccessTable} names, for every route of the node (method and path
 * pattern, as {@link RouteInventory} reads them from the real wiring), a concrete path with ids of
 * real objects and the callers allowed to use it. Every caller not in that set must be refused the
 * way its kind is refused: a visitor without a session is sent to the sign-in page (GET) or gets
 * 401, a signed-in account without the role gets 403, the API answers 401 without a valid token
 * and 403 for a token whose account is not staff, an ActivityPub inbox answers 401 to every request
 * without an HTTP signature, whoever sends it. Allowed callers may still get 400, 404 or 409
 * (the requests carry empty forms), but never a refusal and never a 5xx.
 */
class AuthorisationMatrixTest {
    /** Served outside the routing (static files, health): listed too, but not in the inventory. */
    private static final List<String> OUTSIDE_ROUTING = List.of("/static/", "/observe/");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Map<Caller, String> tokens;
    private static List<Row> table;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        node = TestNode.start("Matrixstadt");
        cast = Fixtures.musterstadt(node);
        var apiTokens = node.components().apiTokens();
        tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.STAFF_TOKEN, apiTokens.create(cast.admin(), "Matrix", cast.staff().username()).value());
        Account former = node.components().accounts().createConfirmed("ehemals@example.org", "Ehemals", "ehemals",
                Fixtures.PASSWORD, Role.STAFF);
        tokens.put(Caller.CITIZEN_TOKEN, apiTokens.create(cast.admin(), "Alt", "ehemals").value());
        node.components().accounts().setRole(cast.admin(), former.id(), Role.CITIZEN);
        table = AccessTable.rows(node, cast);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theTableListsEveryRouteOfTheNodeExactlyOnce() {
        Set<String> registered = new TreeSet<>();
        // A path may be served twice only when ActivityPub content negotiation sits in front of the page
        // (it answers ActivityStreams requests and passes browsers on).
        Map<String, List<Class<?>>> servedBy = new java.util.HashMap<>();
        RouteInventory.of(node.components()).forEach(r -> {
            registered.add(r.toString());
            servedBy.computeIfAbsent(r.toString(), k -> new ArrayList<>()).add(r.service());
        });
        servedBy.forEach((route, services) -> assertTrue(services.size() == 1 || services.size() == 2
                && services.stream().filter(c -> c.getPackageName().startsWith("de.offenekommune.node.activitypub"))
                .count() == 1, "twice: " + route + " by " + services));
        Set<String> listed = new TreeSet<>();
        for (Row row : table) {
            if (OUTSIDE_ROUTING.stream().noneMatch(row.path()::startsWith)) {
                assertTrue(listed.add(row.method() + " " + row.pattern()), "listed twice: " + row);
            }
        }
        Set<String> unlisted = new TreeSet<>(registered);
        unlisted.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(registered);
        assertEquals(Set.of(), unlisted, "routes without a row in the table (add one with who may use them)");
        assertEquals(Set.of(), stale, "rows for routes that no longer exist");
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : table) {
            for (Caller caller : row.api() ? EnumSet.allOf(Caller.class) : AccessTable.EVERYONE) {
                cases.add(Arguments.of(row, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void onlyTheListedCallersGetThrough(Row row, Caller caller) {
        HttpResponse<String> r = call(row, caller);
        int status = r.statusCode();
        assertTrue(status < 500, row + " as " + caller + " answered " + status + ": " + r.body());
        String location = r.headers().firstValue("Location").orElse("");
        boolean toSignIn = status == 303 && location.startsWith("/anmelden?weiter=");
        if (row.allowed().contains(caller)) {
            assertTrue(status != 401 && status != 403 && !toSignIn,
                    row + " must be open to " + caller + " but answered " + status + " " + location);
            return;
        }
        String expected;
        if (row.signed()) {
            expected = "401";
        } else if (row.api()) {
            expected = caller == Caller.CITIZEN_TOKEN ? "403" : "401";
        } else if (caller == Caller.ANONYMOUS) {
            expected = row.method().equals("GET") ? "303 to sign-in" : "401";
        } else {
            expected = "403";
        }
        String actual = toSignIn ? "303 to sign-in" : String.valueOf(status);
        assertEquals(expected, actual, row + " as " + caller + " must be refused: " + location);
    }

    /**
     * The request a caller of that kind makes: a fresh session per case (so a logout or a role change
     * of one case cannot affect another), a valid CSRF token for forms, a bearer token for the API.
     */
    private static HttpResponse<String> call(Row row, Caller caller) {
        String cookie = switch (caller) {
            case CITIZEN -> session(cast.anna());
            case STAFF -> session(cast.staff());
            case ADMIN -> session(cast.admin());
            default -> null;
        };
        String method = row.method().equals("ANY") ? "GET" : row.method();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url(row.path())))
                .timeout(Duration.ofSeconds(30));
        String body = null;
        if (row.api()) {
            b.header("Accept", "application/json");
            if (tokens.containsKey(caller)) {
                b.header("Authorization", "Bearer " + tokens.get(caller));
            }
            if (method.equals("POST") || method.equals("PUT")) {
                b.header("Content-Type", "application/json");
                body = "{}";
            }
        } else {
            b.header("Accept", "text/html");
            if (method.equals("POST")) {
                Map.Entry<String, String> csrf = csrf(cookie);
                cookie = csrf.getKey();
                b.header("Content-Type", "application/x-www-form-urlencoded");
                body = "_csrf=" + csrf.getValue() + (row.form().isEmpty() ? "" : "&" + row.form());
            }
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b.build());
    }

    private static String session(Account account) {
        return "ok_session=" + node.components().sessions().start(account, "matrix");
    }

    /** The cookies to send (the anonymous one is made by the first page) and the page's CSRF token. */
    private static Map.Entry<String, String> csrf(String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url("/"))).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> page = send(b.GET().build());
        String cookies = cookie;
        if (cookies == null) {
            cookies = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ok_anon="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        }
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "the home page carries a CSRF token");
        return Map.entry(cookies, m.group(1));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every API route of the inventory is described in the OpenAPI document, with its method. */
    @Test
    @SuppressWarnings("unchecked")
    void everyApiRouteIsDocumented() {
        String yaml = send(HttpRequest.newBuilder(URI.create(node.url("/api/openapi.yaml"))).GET().build()).body();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>)
                new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(yaml).get("paths");
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        paths.forEach((path, ops) -> documented.put("/api/v1" + path, ops.keySet()));
        for (RouteInventory.Route r : RouteInventory.of(node.components())) {
            if (r.path().startsWith("/api/v1/") && !r.method().equals("ANY")) {
                assertTrue(documented.getOrDefault(r.path(), Set.of()).contains(r.method().toLowerCase()),
                        "not in docs/api/openapi.yaml: " + r);
            }
        }
    }
}
