package de.offenekommune.node;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.survey.SurveyInput;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * The table {@link AuthorisationMatrixTest} checks: for every route of the node, a concrete path with
 * ids of real objects and the callers allowed to use it. Adding a route means adding a row here.
 */
final class AccessTable {
    /** Who calls: sessions of the four roles (the citizen is the author of the test comments), and API tokens. */
    enum Caller { ANONYMOUS, CITIZEN, STAFF, ADMIN, CITIZEN_TOKEN, STAFF_TOKEN }

    static final Set<Caller> EVERYONE = EnumSet.of(Caller.ANONYMOUS, Caller.CITIZEN, Caller.STAFF, Caller.ADMIN);
    static final Set<Caller> SIGNED_IN = EnumSet.of(Caller.CITIZEN, Caller.STAFF, Caller.ADMIN);
    static final Set<Caller> STAFF = EnumSet.of(Caller.STAFF, Caller.ADMIN);
    static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    /** Own comments: only their author edits or deletes them; staff moderate instead. */
    static final Set<Caller> AUTHOR = EnumSet.of(Caller.CITIZEN);
    static final Set<Caller> API = EnumSet.of(Caller.STAFF_TOKEN);
    /**
     * One route: its pattern, a concrete path to call, and who may.
     *
     * @param form   fields a POST sends besides the CSRF token (most send none: the empty form is enough
     *               to get past the access check)
     * @param signed only requests with a valid HTTP signature get in (the ActivityPub inboxes): no session
     *               or token stands in for one, so every caller of the table is refused with 401
     */
    record Row(String method, String pattern, String path, Set<Caller> allowed, String form, boolean signed) {
        Row(String method, String pattern, String path, Set<Caller> allowed, String form) {
            this(method, pattern, path, allowed, form, false);
        }

        Row(String method, String pattern, String path, Set<Caller> allowed) {
            this(method, pattern, path, allowed, "");
        }

        /** An inbox: a browser-like POST (session, CSRF token, form body) is refused like any unsigned one. */
        static Row inbox(String pattern, String path) {
            return new Row("POST", pattern, path, EnumSet.noneOf(Caller.class), "text=hallo", true);
        }

        boolean api() {
            return path.startsWith("/api/v1");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AccessTable() {
    }

    static List<Row> rows(TestNode node, Fixtures.Cast cast) {
        List<Row> rows = new ArrayList<>(table(node, new Objects(node, cast), cast));
        // Verification of organisations (issue 6): its rows live in their own file.
        rows.addAll(VerificationAccessRows.rows(node, cast));
        // Data rights (export and deletion of accounts): their own file too.
        rows.addAll(PrivacyAccessRows.rows(node, cast));
        return rows;
    }

    /** The objects the table's paths point at; those a route deletes or revokes exist only for that route. */
    private static final class Objects {
        final Project project;
        final Project doomedProject;
        final long phase;
        final long doomedPhase;
        final long link;
        final long doomedLink;
        final News news;
        final News doomedNews;
        final long event;
        final long doomedEvent;
        final Survey openSurvey;
        final Survey closedSurvey;
        final Survey doomedSurvey;
        final long question;
        final long doomedQuestion;
        final long proposal;
        final long comment;
        final long doomedComment;
        final long doomedToken;
        final long addressee;
        final long doomedAddressee;
        final long otherAccount;
        final long apiDoomedProject;
        final long apiDoomedNews;
        final long apiDoomedEvent;
        final long apiDoomedSurvey;

        Objects(TestNode node, Fixtures.Cast cast) {
            TestContent content = new TestContent(node);
            var projects = node.components().projects();
            var surveys = node.components().surveys();
            var participation = node.components().participation();
            Instant now = Instant.now();
            LocalDate today = LocalDate.now();
            project = content.project("Matrixprojekt", "OTHER", List.of("TRANSPORT"),
                    List.of(TestContent.phase("INFORMATION", today.minusDays(1), today.plusDays(9))));
            doomedProject = content.project("Zu löschen");
            phase = projects.forEditing(project.id()).phases().getFirst().id();
            doomedPhase = projects.addPhase(project.id(), TestContent.phase("EVALUATION", today.plusDays(10),
                    today.plusDays(20))).id();
            link = projects.addLink(project.id(), new ProjectInput.LinkInput("Plan", "https://example.org/plan.pdf"))
                    .id();
            doomedLink = projects.addLink(project.id(), new ProjectInput.LinkInput("Alt", "https://example.org/alt"))
                    .id();
            news = content.news(project, "Meldung", now.minusSeconds(60));
            doomedNews = content.news(project, "Zu löschende Meldung", now.minusSeconds(60));
            event = content.event(project, "Versammlung", now.plus(Duration.ofDays(3)),
                    now.plus(Duration.ofDays(3)).plusSeconds(3600)).id();
            doomedEvent = content.event(project, "Abgesagt", now.plus(Duration.ofDays(4)),
                    now.plus(Duration.ofDays(4)).plusSeconds(3600)).id();
            openSurvey = content.survey(project, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)),
                    "AFTER_VOTING");
            closedSurvey = content.survey(project, now.minus(Duration.ofDays(9)), now.minusSeconds(60),
                    "AFTER_VOTING");
            doomedSurvey = content.survey(project, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)),
                    "AFTER_CLOSING");
            question = surveys.get(doomedSurvey.id()).questions().getFirst().id();
            doomedQuestion = surveys.addQuestion(doomedSurvey.id(), new SurveyInput.QuestionInput("TEXT",
                    "Noch etwas?", false, List.of())).id();
            proposal = Fixtures.proposal(node, cast.ben(), "Matrixvorschlag", cast.bauamt());
            comment = participation.comments().add(cast.anna(), "proposal", proposal, null, "Annas Kommentar").id();
            doomedComment = participation.comments().add(cast.anna(), "proposal", proposal, null, "Weg damit").id();
            var apiTokens = node.components().apiTokens();
            doomedToken = apiTokens.create(cast.admin(), "Zu sperren", "").token().id();
            addressee = cast.umwelt().id();
            doomedAddressee = participation.addressees().create(cast.staff(), new AddresseeService.Input(
                    "Ortsbeirat Nord", "COMMITTEE", "", "", ""));
            otherAccount = cast.dora().id();
            apiDoomedProject = content.project("Per API zu löschen").id();
            apiDoomedNews = content.news(project, "Per API zu löschen", now.minusSeconds(60)).id();
            apiDoomedEvent = content.event(null, "Per API zu löschen", now.plus(Duration.ofDays(5)),
                    now.plus(Duration.ofDays(5)).plusSeconds(60)).id();
            apiDoomedSurvey = content.survey(project, now, now.plus(Duration.ofDays(1)), "AFTER_VOTING").id();
        }
    }

    /** THE TABLE: every route, a path with real ids, and who may use it. */
    private static List<Row> table(TestNode node, Objects o, Fixtures.Cast cast) {
        List<Row> rows = new ArrayList<>();
        String project = o.project.path();
        String staffProject = "/verwaltung/projekte/" + o.project.id();
        // Public pages, feeds, calendars, legal pages, search
        rows.add(new Row("GET", "/", "/", EVERYONE));
        rows.add(new Row("POST", "/sprache", "/sprache", EVERYONE));
        rows.add(new Row("GET", "/projekte", "/projekte", EVERYONE));
        rows.add(new Row("GET", "/projekte/{slug}", project, EVERYONE));
        rows.add(new Row("GET", "/projekte/{slug}/neuigkeiten", project + "/neuigkeiten", EVERYONE));
        rows.add(new Row("GET", "/projekte/{slug}/neuigkeiten/{id}", o.news.path(), EVERYONE));
        rows.add(new Row("GET", "/projekte/{slug}/feed.atom", project + "/feed.atom", EVERYONE));
        rows.add(new Row("GET", "/feed.atom", "/feed.atom", EVERYONE));
        rows.add(new Row("GET", "/termine", "/termine", EVERYONE));
        rows.add(new Row("GET", "/termine.ics", "/termine.ics", EVERYONE));
        rows.add(new Row("GET", "/termine/{id}", "/termine/" + o.event, EVERYONE));
        rows.add(new Row("GET", "/umfragen/{id}", o.openSurvey.path(), EVERYONE));
        rows.add(new Row("GET", "/umfragen/{id}/ergebnisse", o.closedSurvey.path() + "/ergebnisse", EVERYONE));
        rows.add(new Row("GET", "/vorschlaege", "/vorschlaege", EVERYONE));
        rows.add(new Row("GET", "/vorschlaege/{id}", "/vorschlaege/" + o.proposal, EVERYONE));
        rows.add(new Row("GET", "/kommentare/{id}", "/kommentare/" + o.comment, EVERYONE));
        rows.add(new Row("GET", "/moderationsprotokoll", "/moderationsprotokoll", EVERYONE));
        rows.add(new Row("GET", "/barrierefreiheit", "/barrierefreiheit", EVERYONE));
        rows.add(new Row("GET", "/impressum", "/impressum", EVERYONE));
        rows.add(new Row("GET", "/ueber", "/ueber", EVERYONE));
        rows.add(new Row("GET", "/datenschutz", "/datenschutz", EVERYONE));
        rows.add(new Row("GET", "/suche", "/suche?q=Matrix", EVERYONE));
        rows.add(new Row("GET", "/api/openapi.yaml", "/api/openapi.yaml", EVERYONE));
        rows.add(new Row("GET", "/static/css/app.css", "/static/css/app.css", EVERYONE));
        rows.add(new Row("GET", "/observe/health", "/observe/health", EVERYONE));
        // Accounts
        rows.add(new Row("GET", "/registrieren", "/registrieren", EVERYONE));
        rows.add(new Row("POST", "/registrieren", "/registrieren", EVERYONE));
        rows.add(new Row("GET", "/bestaetigen", "/bestaetigen?token=ungueltig", EVERYONE));
        rows.add(new Row("GET", "/anmelden", "/anmelden", EVERYONE));
        // A failed sign-in answers 401 by design, so this row signs in for real.
        rows.add(new Row("POST", "/anmelden", "/anmelden", EVERYONE, "email=" + cast.ben().email() + "&password="
                + Fixtures.PASSWORD));
        rows.add(new Row("POST", "/abmelden", "/abmelden", EVERYONE));
        rows.add(new Row("GET", "/passwort-vergessen", "/passwort-vergessen", EVERYONE));
        rows.add(new Row("POST", "/passwort-vergessen", "/passwort-vergessen", EVERYONE));
        rows.add(new Row("GET", "/passwort-neu", "/passwort-neu?token=ungueltig", EVERYONE));
        rows.add(new Row("POST", "/passwort-neu", "/passwort-neu", EVERYONE));
        // Citizens: proposals, supports, comments, surveys, flags
        rows.add(new Row("GET", "/vorschlaege/neu", "/vorschlaege/neu", SIGNED_IN));
        rows.add(new Row("POST", "/vorschlaege", "/vorschlaege", SIGNED_IN));
        rows.add(new Row("POST", "/vorschlaege/{id}/unterstuetzen", "/vorschlaege/" + o.proposal + "/unterstuetzen",
                SIGNED_IN));
        rows.add(new Row("POST", "/vorschlaege/{id}/zurueckziehen", "/vorschlaege/" + o.proposal + "/zurueckziehen",
                SIGNED_IN));
        rows.add(new Row("POST", "/vorschlaege/{id}/status", "/vorschlaege/" + o.proposal + "/status", STAFF));
        rows.add(new Row("POST", "/kommentare", "/kommentare", SIGNED_IN));
        rows.add(new Row("GET", "/kommentare/{id}/antworten", "/kommentare/" + o.comment + "/antworten", SIGNED_IN));
        rows.add(new Row("GET", "/kommentare/{id}/bearbeiten", "/kommentare/" + o.comment + "/bearbeiten", AUTHOR));
        rows.add(new Row("POST", "/kommentare/{id}/bearbeiten", "/kommentare/" + o.comment + "/bearbeiten", AUTHOR));
        rows.add(new Row("POST", "/kommentare/{id}/loeschen", "/kommentare/" + o.doomedComment + "/loeschen", AUTHOR));
        rows.add(new Row("POST", "/umfragen/{id}", o.openSurvey.path(), SIGNED_IN));
        rows.add(new Row("GET", "/melden", "/melden?art=comment&id=" + o.comment, SIGNED_IN));
        rows.add(new Row("POST", "/melden", "/melden", SIGNED_IN));
        // Staff: dashboard, moderation, survey export, content, addressees
        rows.add(new Row("GET", "/verwaltung", "/verwaltung", STAFF));
        rows.add(new Row("GET", "/moderation", "/moderation", STAFF));
        rows.add(new Row("GET", "/moderation/eintrag", "/moderation/eintrag?art=comment&id=" + o.comment, STAFF));
        rows.add(new Row("POST", "/moderation/eintrag", "/moderation/eintrag", STAFF));
        rows.add(new Row("GET", "/umfragen/{id}/ergebnisse.csv", o.openSurvey.path() + "/ergebnisse.csv", STAFF));
        rows.add(new Row("GET", "/verwaltung/projekte/neu", "/verwaltung/projekte/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte", "/verwaltung/projekte", STAFF));
        rows.add(new Row("GET", "/verwaltung/projekte/{id}", staffProject, STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte/{id}", staffProject, STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte/{id}/loeschen",
                "/verwaltung/projekte/" + o.doomedProject.id() + "/loeschen", STAFF));
        rows.add(new Row("GET", "/verwaltung/projekte/{id}/phasen/neu", staffProject + "/phasen/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte/{id}/phasen", staffProject + "/phasen", STAFF));
        rows.add(new Row("GET", "/verwaltung/phasen/{id}", "/verwaltung/phasen/" + o.phase, STAFF));
        rows.add(new Row("POST", "/verwaltung/phasen/{id}", "/verwaltung/phasen/" + o.phase, STAFF));
        rows.add(new Row("POST", "/verwaltung/phasen/{id}/loeschen", "/verwaltung/phasen/" + o.doomedPhase + "/loeschen",
                STAFF));
        rows.add(new Row("GET", "/verwaltung/projekte/{id}/links/neu", staffProject + "/links/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte/{id}/links", staffProject + "/links", STAFF));
        rows.add(new Row("GET", "/verwaltung/links/{id}", "/verwaltung/links/" + o.link, STAFF));
        rows.add(new Row("POST", "/verwaltung/links/{id}", "/verwaltung/links/" + o.link, STAFF));
        rows.add(new Row("POST", "/verwaltung/links/{id}/loeschen", "/verwaltung/links/" + o.doomedLink + "/loeschen",
                STAFF));
        rows.add(new Row("GET", "/verwaltung/projekte/{id}/neuigkeiten/neu", staffProject + "/neuigkeiten/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte/{id}/neuigkeiten", staffProject + "/neuigkeiten", STAFF));
        rows.add(new Row("GET", "/verwaltung/neuigkeiten/{id}", "/verwaltung/neuigkeiten/" + o.news.id(), STAFF));
        rows.add(new Row("POST", "/verwaltung/neuigkeiten/{id}", "/verwaltung/neuigkeiten/" + o.news.id(), STAFF));
        rows.add(new Row("POST", "/verwaltung/neuigkeiten/{id}/loeschen",
                "/verwaltung/neuigkeiten/" + o.doomedNews.id() + "/loeschen", STAFF));
        rows.add(new Row("GET", "/verwaltung/termine/neu", "/verwaltung/termine/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/termine", "/verwaltung/termine", STAFF));
        rows.add(new Row("GET", "/verwaltung/termine/{id}", "/verwaltung/termine/" + o.event, STAFF));
        rows.add(new Row("POST", "/verwaltung/termine/{id}", "/verwaltung/termine/" + o.event, STAFF));
        rows.add(new Row("POST", "/verwaltung/termine/{id}/loeschen", "/verwaltung/termine/" + o.doomedEvent
                + "/loeschen", STAFF));
        rows.add(new Row("GET", "/verwaltung/projekte/{id}/umfragen/neu", staffProject + "/umfragen/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/projekte/{id}/umfragen", staffProject + "/umfragen", STAFF));
        String survey = "/verwaltung/umfragen/" + o.doomedSurvey.id();
        rows.add(new Row("GET", "/verwaltung/umfragen/{id}", survey, STAFF));
        rows.add(new Row("POST", "/verwaltung/umfragen/{id}", survey, STAFF));
        rows.add(new Row("GET", "/verwaltung/umfragen/{id}/fragen/neu", survey + "/fragen/neu", STAFF));
        rows.add(new Row("POST", "/verwaltung/umfragen/{id}/fragen", survey + "/fragen", STAFF));
        rows.add(new Row("GET", "/verwaltung/fragen/{id}", "/verwaltung/fragen/" + o.question, STAFF));
        rows.add(new Row("POST", "/verwaltung/fragen/{id}", "/verwaltung/fragen/" + o.question, STAFF));
        rows.add(new Row("POST", "/verwaltung/fragen/{id}/loeschen", "/verwaltung/fragen/" + o.doomedQuestion
                + "/loeschen", STAFF));
        rows.add(new Row("POST", "/verwaltung/umfragen/{id}/loeschen", survey + "/loeschen", STAFF));
        rows.add(new Row("GET", "/admin/adressaten", "/admin/adressaten", STAFF));
        rows.add(new Row("POST", "/admin/adressaten", "/admin/adressaten", STAFF));
        rows.add(new Row("GET", "/admin/adressaten/neu", "/admin/adressaten/neu", STAFF));
        rows.add(new Row("GET", "/admin/adressaten/{id}", "/admin/adressaten/" + o.addressee, STAFF));
        rows.add(new Row("POST", "/admin/adressaten/{id}", "/admin/adressaten/" + o.addressee, STAFF));
        rows.add(new Row("POST", "/admin/adressaten/{id}/deaktivieren", "/admin/adressaten/" + o.doomedAddressee
                + "/deaktivieren", STAFF));
        rows.add(new Row("POST", "/admin/adressaten/{id}/aktivieren", "/admin/adressaten/" + o.doomedAddressee
                + "/aktivieren", STAFF));
        // Admins: roles, API tokens, legal pages, proposal settings
        rows.add(new Row("GET", "/admin/rollen", "/admin/rollen", ADMIN));
        rows.add(new Row("POST", "/admin/rollen/{id}", "/admin/rollen/" + o.otherAccount, ADMIN));
        rows.add(new Row("GET", "/admin/api-tokens", "/admin/api-tokens", ADMIN));
        rows.add(new Row("POST", "/admin/api-tokens", "/admin/api-tokens", ADMIN));
        rows.add(new Row("POST", "/admin/api-tokens/{id}/widerrufen", "/admin/api-tokens/" + o.doomedToken
                + "/widerrufen", ADMIN));
        rows.add(new Row("GET", "/admin/seiten", "/admin/seiten", ADMIN));
        rows.add(new Row("GET", "/admin/seiten/{slug}/{lang}", "/admin/seiten/impressum/de", ADMIN));
        rows.add(new Row("POST", "/admin/seiten/{slug}/{lang}", "/admin/seiten/impressum/de", ADMIN));
        rows.add(new Row("POST", "/admin/seiten/{slug}/{lang}/zuruecksetzen", "/admin/seiten/impressum/de/zuruecksetzen",
                ADMIN));
        rows.add(new Row("GET", "/admin/einstellungen", "/admin/einstellungen", ADMIN));
        rows.add(new Row("POST", "/admin/einstellungen", "/admin/einstellungen", ADMIN));
        // The staff API: bearer tokens of staff accounts only
        String p = "/api/v1/projects/" + o.project.id();
        rows.add(new Row("GET", "/api/v1/projects", "/api/v1/projects", API));
        rows.add(new Row("POST", "/api/v1/projects", "/api/v1/projects", API));
        rows.add(new Row("GET", "/api/v1/projects/{id}", p, API));
        rows.add(new Row("PUT", "/api/v1/projects/{id}", p, API));
        rows.add(new Row("DELETE", "/api/v1/projects/{id}", "/api/v1/projects/" + o.apiDoomedProject, API));
        rows.add(new Row("GET", "/api/v1/projects/{id}/news", p + "/news", API));
        rows.add(new Row("POST", "/api/v1/projects/{id}/news", p + "/news", API));
        rows.add(new Row("GET", "/api/v1/news/{id}", "/api/v1/news/" + o.news.id(), API));
        rows.add(new Row("PUT", "/api/v1/news/{id}", "/api/v1/news/" + o.news.id(), API));
        rows.add(new Row("DELETE", "/api/v1/news/{id}", "/api/v1/news/" + o.apiDoomedNews, API));
        rows.add(new Row("GET", "/api/v1/events", "/api/v1/events", API));
        rows.add(new Row("POST", "/api/v1/events", "/api/v1/events", API));
        rows.add(new Row("GET", "/api/v1/events/{id}", "/api/v1/events/" + o.event, API));
        rows.add(new Row("PUT", "/api/v1/events/{id}", "/api/v1/events/" + o.event, API));
        rows.add(new Row("DELETE", "/api/v1/events/{id}", "/api/v1/events/" + o.apiDoomedEvent, API));
        rows.add(new Row("GET", "/api/v1/projects/{id}/surveys", p + "/surveys", API));
        rows.add(new Row("POST", "/api/v1/projects/{id}/surveys", p + "/surveys", API));
        rows.add(new Row("GET", "/api/v1/surveys/{id}", "/api/v1/surveys/" + o.openSurvey.id(), API));
        rows.add(new Row("PUT", "/api/v1/surveys/{id}", "/api/v1/surveys/" + o.openSurvey.id(), API));
        rows.add(new Row("DELETE", "/api/v1/surveys/{id}", "/api/v1/surveys/" + o.apiDoomedSurvey, API));
        rows.add(new Row("GET", "/api/v1/surveys/{id}/results", "/api/v1/surveys/" + o.openSurvey.id() + "/results",
                API));
        rows.add(new Row("GET", "/api/v1/proposals", "/api/v1/proposals", API));
        rows.add(new Row("GET", "/api/v1/proposals/{id}", "/api/v1/proposals/" + o.proposal, API));
        rows.add(new Row("ANY", "/api/v1/*", "/api/v1/gibt-es-nicht", API));
        rows.addAll(FederationAccessRows.rows(node, cast, new FederationAccessRows.Local(o.project, o.news,
                o.proposal, o.openSurvey, node.components().surveys().get(o.openSurvey.id()).questions().getFirst()
                .id())));
        rows.addAll(regionRows());
        return rows;
    }

    /**
     * Region mode (issue 7). The routes exist on every node; a town answers 404 to the callers
     * allowed here, after the same access check a region makes (RegionMemberPagesTest checks a region).
     */
    private static List<Row> regionRows() {
        return List.of(
                new Row("GET", "/region", "/region", EVERYONE),
                new Row("GET", "/region/karte", "/region/karte", EVERYONE),
                new Row("GET", "/region/karte.json", "/region/karte.json", EVERYONE),
                new Row("GET", "/region/kennzahlen", "/region/kennzahlen", EVERYONE),
                new Row("GET", "/kommune/kennzahlen", "/kommune/kennzahlen", EVERYONE),
                new Row("GET", "/admin/mitglieder", "/admin/mitglieder", ADMIN),
                new Row("POST", "/admin/mitglieder", "/admin/mitglieder", ADMIN),
                new Row("POST", "/admin/mitglieder/entfernen", "/admin/mitglieder/entfernen", ADMIN));
    }

}
