package de.offenekommune.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.FormBody;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestMail;
import de.offenekommune.node.testing.TestNode;

/** A citizen writes a proposal, others support it, staff or the addressee answer: over real HTTP and SMTP. */
class ProposalFlowTest {
    private static TestMail mail;
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        mail = new TestMail();
        Map<String, String> config = new HashMap<>(mail.nodeConfig());
        config.put("proposals.support-threshold", "2");
        node = TestNode.start("Musterstadt", config);
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
        mail.close();
    }

    private static TestBrowser as(Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    private static FormBody form(String key, String title, Addressee... to) {
        FormBody f = new FormBody().add("key", key).add("title", title)
                .add("summary", "Ein sicherer Radweg zwischen Bahnhof und Schulzentrum.")
                .add("body", "Der Weg ist **gefährlich**. Mehr unter [Radverkehr](https://example.org/rad).")
                .add("topic", "VERKEHR").add("location", "Bahnhofstraße");
        for (Addressee a : to) {
            f.add("addressees", String.valueOf(a.id()));
        }
        return f;
    }

    /** Opens the form (for its CSRF token and one-time key) and submits it. */
    private static TestBrowser.Response submit(TestBrowser browser, String title, Addressee... to) {
        String key = Fixtures.formKey(browser.get("/vorschlaege/neu").body());
        return form(key, title, to).postTo(browser, "/vorschlaege");
    }

    private static long idOf(TestBrowser.Response r) {
        assertEquals(303, r.status(), r.body());
        String path = r.location().replaceAll("\\?.*", "");
        return Long.parseLong(path.substring("/vorschlaege/".length()));
    }

    /** Waits (up to 15 s) for a mail to {@code to} that {@code matches}; other tests' mails may come first. */
    private static TestMail.Received awaitMail(String to, java.util.function.Predicate<TestMail.Received> matches) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var found = mail.to(to).stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching mail to " + to + "; got " + mail.to(to));
    }

    private static long count(String sql, Object... params) {
        return node.sql().count(sql, params);
    }

    private static long proposals() {
        return count("SELECT count(*) FROM proposal");
    }

    private static long outbox() {
        return count("SELECT count(*) FROM mail_outbox");
    }

    @Test
    void citizenWritesProposalAndTheAddresseesAreMailed() {
        TestBrowser anna = as(cast.anna());
        long id = idOf(submit(anna, "Radweg zum Schulzentrum", cast.bauamt(), cast.umwelt()));

        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("<h1 class=\"kern-heading-large\">Radweg zum Schulzentrum</h1>"), page);
        assertTrue(page.contains("Ein sicherer Radweg zwischen Bahnhof und Schulzentrum."));
        assertTrue(page.contains("<strong>gefährlich</strong>"), "Markdown is rendered");
        assertTrue(page.contains("rel=\"nofollow ugc noopener noreferrer\""), "links are marked");
        assertTrue(page.contains("Bauamt") && page.contains("Ausschuss für Umwelt und Verkehr"));
        assertTrue(page.contains("Von Anna Schmidt"));
        assertTrue(page.contains("Noch 2 Unterstützungen bis zum"), page);
        assertTrue(page.contains("Eingereicht"));

        TestMail.Received toBauamt = awaitMail("bauamt@example.org",
                m -> m.subject().endsWith("Radweg zum Schulzentrum"));
        assertEquals("Neuer Vorschlag an Bauamt: Radweg zum Schulzentrum", toBauamt.subject());
        assertTrue(toBauamt.body().contains("Anna Schmidt hat auf der Beteiligungsplattform Musterstadt"),
                toBauamt.body());
        assertTrue(toBauamt.body().contains("Ein sicherer Radweg zwischen Bahnhof und Schulzentrum."));
        assertTrue(toBauamt.body().contains("Thema: Verkehr"));
        assertEquals(node.url("/vorschlaege/" + id), toBauamt.link("/vorschlaege/"));
        assertTrue(toBauamt.body().contains("2 Unterstützungen"), toBauamt.body());
        TestMail.Received toCommittee = awaitMail("umwelt@example.org",
                m -> m.subject().endsWith("Radweg zum Schulzentrum"));
        assertEquals("Neuer Vorschlag an Ausschuss für Umwelt und Verkehr: Radweg zum Schulzentrum",
                toCommittee.subject());
        assertEquals(2, count("SELECT count(*) FROM proposal_addressee WHERE proposal_id = ?", id));
    }

    @Test
    void aSupportCountsOnceAndCanBeWithdrawn() {
        long id = Fixtures.proposal(node, cast.anna(), "Mehr Bänke im Stadtpark", cast.bauamt());
        TestBrowser ben = as(cast.ben());
        ben.get("/vorschlaege/" + id);
        var first = ben.post("/vorschlaege/" + id + "/unterstuetzen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=supported", first.location());
        String page = ben.get("/vorschlaege/" + id).body();
        assertTrue(page.contains("<strong>1 Unterstützung</strong>"), page);
        assertTrue(page.contains("Sie unterstützen diesen Vorschlag."));
        assertTrue(page.contains("Unterstützung zurückziehen"));

        var again = ben.post("/vorschlaege/" + id + "/unterstuetzen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=already-supported", again.location());
        assertEquals(1, supportRows(id));
        assertEquals(1, localSupports(id));

        var withdrawn = ben.post("/vorschlaege/" + id + "/zurueckziehen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=support-withdrawn", withdrawn.location());
        assertEquals(0, supportRows(id));
        assertEquals(0, localSupports(id));
        assertTrue(ben.get("/vorschlaege/" + id).body().contains("<strong>0 Unterstützungen</strong>"));
        var notSupported = ben.post("/vorschlaege/" + id + "/zurueckziehen", ben.withCsrf(Map.of()));
        assertEquals("/vorschlaege/" + id + "?hinweis=not-supported", notSupported.location());
        assertEquals(0, localSupports(id));
    }

    private static long supportRows(long id) {
        return count("SELECT count(*) FROM support WHERE proposal_id = ?", id);
    }

    private static long localSupports(long id) {
        return count("SELECT local_supports FROM proposal WHERE id = ?", id);
    }

    @Test
    void concurrentSupportsOfOneAccountLeaveOne() throws Exception {
        long id = Fixtures.proposal(node, cast.anna(), "Trinkbrunnen am Marktplatz", cast.umwelt());
        TestBrowser carla = as(cast.carla());
        carla.get("/vorschlaege/" + id);
        Map<String, String> fields = carla.withCsrf(Map.of());
        int parallel = 6;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return carla.post("/vorschlaege/" + id + "/unterstuetzen", fields).status();
                }));
            }
            go.countDown();
            for (Future<Integer> f : results) {
                assertEquals(303, f.get());
            }
        }
        assertEquals(1, supportRows(id));
        assertEquals(1, localSupports(id));
    }

    @Test
    void reachingTheThresholdNotifiesTheAddresseesOnce() {
        long id = Fixtures.proposal(node, cast.anna(), "Tempo 30 vor der Grundschule", cast.bauamt(), cast.umwelt());
        String subject = "Vorschlag „Tempo 30 vor der Grundschule“ hat 2 Unterstützungen erreicht";
        TestBrowser ben = as(cast.ben());
        TestBrowser carla = as(cast.carla());
        support(ben, id);
        assertEquals(0, thresholdMails(subject));
        support(carla, id);
        assertEquals(1, thresholdMails(subject, "bauamt@example.org"));
        assertEquals(1, thresholdMails(subject, "umwelt@example.org"));
        TestMail.Received received = awaitMail("bauamt@example.org", m -> m.subject().equals(subject));
        assertTrue(received.body().contains("hat jetzt 2 Unterstützungen"), received.body());
        assertTrue(received.body().contains(node.url("/vorschlaege/" + id)));

        carla.post("/vorschlaege/" + id + "/zurueckziehen", carla.withCsrf(Map.of()));
        support(carla, id);
        support(as(cast.dora()), id);
        assertEquals(3, localSupports(id));
        assertEquals(2, thresholdMails(subject), "one mail per addressee, only the first time");
        assertTrue(node.browser().get("/vorschlaege/" + id).body().contains("Das Ziel von 2 Unterstützungen ist erreicht"));
    }

    private static void support(TestBrowser browser, long id) {
        browser.get("/vorschlaege/" + id);
        assertEquals(303, browser.post("/vorschlaege/" + id + "/unterstuetzen", browser.withCsrf(Map.of())).status());
    }

    private static long thresholdMails(String subject) {
        return count("SELECT count(*) FROM mail_outbox WHERE subject = ?", subject);
    }

    private static long thresholdMails(String subject, String to) {
        return count("SELECT count(*) FROM mail_outbox WHERE subject = ? AND recipient = ?", subject, to);
    }

    @Test
    void staffAnswerIsShownAndTheAuthorAndSupportersAreMailed() {
        long id = Fixtures.proposal(node, cast.dora(), "Hundewiese im Auenpark", cast.umwelt());
        support(as(cast.ben()), id);
        support(as(cast.dora()), id);
        TestBrowser staff = as(cast.staff());
        assertTrue(staff.get("/vorschlaege/" + id).body().contains("Stand ändern und antworten"));

        var review = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "IN_REVIEW")));
        assertEquals("/vorschlaege/" + id + "?hinweis=proposal-status-saved", review.location());
        TestMail.Received authorReview = awaitMail("dora@example.org", m -> m.body().contains("In Prüfung"));
        assertEquals("Neuer Stand zu Ihrem Vorschlag „Hundewiese im Auenpark“", authorReview.subject());
        assertTrue(authorReview.body().startsWith("Hallo Dora Wolf,"), authorReview.body());
        assertTrue(authorReview.body().contains("einen neuen Stand: In Prüfung."), authorReview.body());

        String answer = "Der Ausschuss hat zugestimmt. Die Wiese wird **im Frühjahr** eingezäunt.";
        var answered = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "ACCEPTED", "answer", answer)));
        assertEquals(303, answered.status(), answered.body());

        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("Offizielle Antwort"), page);
        assertTrue(page.contains("Beantwortet: angenommen"));
        assertTrue(page.contains("Die Wiese wird <strong>im Frühjahr</strong> eingezäunt."));
        assertTrue(page.contains("Antwort von Petra Amtmann"));
        assertFalse(page.contains("Vorschlag unterstützen"), "an answered proposal takes no more supports");

        TestMail.Received toAuthor = awaitMail("dora@example.org", m -> m.body().contains("angenommen"));
        assertEquals("Neuer Stand zu Ihrem Vorschlag „Hundewiese im Auenpark“", toAuthor.subject());
        assertTrue(toAuthor.body().contains("Beantwortet: angenommen"), toAuthor.body());
        assertTrue(toAuthor.body().contains("Antwort von Petra Amtmann am"), toAuthor.body());
        assertTrue(toAuthor.body().contains(answer), toAuthor.body());
        assertTrue(toAuthor.body().contains(node.url("/vorschlaege/" + id)));
        TestMail.Received toSupporter = awaitMail("ben@example.org",
                m -> m.body().contains("Hundewiese") && m.body().contains("angenommen"));
        assertEquals("Neuer Stand zu einem Vorschlag, den Sie unterstützen", toSupporter.subject());
        assertTrue(toSupporter.body().startsWith("Hallo Ben Becker,"), toSupporter.body());
        assertTrue(toSupporter.body().contains(answer));

        var backToReview = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "IN_REVIEW")));
        assertEquals(409, backToReview.status());
        assertEquals("ANSWERED", status(id));
        assertEquals(2, count("SELECT count(*) FROM mail_outbox WHERE recipient = 'dora@example.org' "
                + "AND body LIKE '%Hundewiese%'"), "the author who also supports is told once per change");
    }

    @Test
    void supportingAnAnsweredOrExpiredProposalIsRefused() {
        long answered = Fixtures.proposal(node, cast.anna(), "Längere Öffnungszeiten der Bücherei", cast.bauamt());
        node.components().participation().proposals().changeStatus(cast.staff(), answered,
                new ProposalService.StatusChange("ANSWERED", "REJECTED", "Dafür fehlt das Personal."));
        TestBrowser carla = as(cast.carla());
        carla.get("/vorschlaege/" + answered);
        assertEquals(409, carla.post("/vorschlaege/" + answered + "/unterstuetzen", carla.withCsrf(Map.of())).status());

        long expired = Fixtures.proposal(node, cast.anna(), "Neue Laternen im Mühlenweg", cast.bauamt());
        node.sql().update("UPDATE proposal SET support_deadline = now() - interval '1 day' WHERE id = ?", expired);
        String page = carla.get("/vorschlaege/" + expired).body();
        assertTrue(page.contains("Die Frist ist am"), page);
        assertFalse(page.contains("Vorschlag unterstützen"));
        assertEquals(409, carla.post("/vorschlaege/" + expired + "/unterstuetzen", carla.withCsrf(Map.of())).status());
        assertEquals(0, supportRows(answered) + supportRows(expired));
    }

    @Test
    void theLinkedAccountOfAnAddresseeMayAnswerOthersMayNot() {
        long id = Fixtures.proposal(node, cast.anna(), "Sitzungen des Stadtrats im Livestream", cast.stadtrat());
        TestBrowser carla = as(cast.carla());
        assertFalse(carla.get("/vorschlaege/" + id).body().contains("Stand ändern und antworten"));
        var refused = carla.post("/vorschlaege/" + id + "/status", carla.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "ACCEPTED", "answer", "Ich entscheide das.")));
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Nur die Verwaltung und die Adressaten"), refused.body());
        assertEquals("SUBMITTED", status(id));

        TestBrowser mueller = as(cast.mueller());
        assertTrue(mueller.get("/vorschlaege/" + id).body().contains("Stand ändern und antworten"));
        var answered = mueller.post("/vorschlaege/" + id + "/status", mueller.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "PARTLY", "answer", "Wir beginnen mit den Haushaltssitzungen.")));
        assertEquals(303, answered.status(), answered.body());
        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("Antwort von Stadtrat Müller (Fraktion A)"), page);
        assertTrue(page.contains("Beantwortet: teilweise angenommen"));

        long other = Fixtures.proposal(node, cast.anna(), "Neue Bushaltestelle am Friedhof", cast.bauamt());
        var notHis = mueller.post("/vorschlaege/" + other + "/status", mueller.withCsrf(Map.of("status", "IN_REVIEW")));
        assertEquals(403, notHis.status(), "an addressee answers only proposals addressed to it");
        assertEquals("SUBMITTED", status(other));
    }

    private static String status(long id) {
        return node.sql().one("SELECT status FROM proposal WHERE id = ?", r -> r.str("status"), id).orElseThrow();
    }

    @Test
    void answerFormErrorsAre400AndChangeNothing() {
        long id = Fixtures.proposal(node, cast.anna(), "Bessere Beleuchtung am Bahnhof", cast.bauamt());
        TestBrowser staff = as(cast.staff());
        staff.get("/vorschlaege/" + id);
        var noOutcome = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "answer", "Ja.")));
        assertEquals(400, noOutcome.status());
        assertTrue(noOutcome.body().contains("Bitte wählen Sie ein Ergebnis."), noOutcome.body());
        var noText = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "DONE", "answer", " ")));
        assertEquals(400, noText.status());
        assertTrue(noText.body().contains("Bitte schreiben Sie eine Antwort."));
        assertEquals(400, staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "SUBMITTED")))
                .status());
        assertEquals(400, staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "ACCEPTED", "answer", "[klick](javascript:alert(1))"))).status());
        assertEquals(404, staff.post("/vorschlaege/999999/status", staff.withCsrf(Map.of("status", "IN_REVIEW")))
                .status());
        assertEquals("SUBMITTED", status(id));
    }

    @Test
    void anonymousAndUnconfirmedVisitorsCannotWrite() {
        long before = proposals();
        TestBrowser anonymous = node.browser();
        var form = anonymous.get("/vorschlaege/neu");
        assertEquals(303, form.status());
        assertEquals("/anmelden?weiter=%2Fvorschlaege%2Fneu", form.location());
        anonymous.get("/vorschlaege");
        var post = form("x".repeat(24), "Anonymer Vorschlag", cast.bauamt()).postTo(anonymous, "/vorschlaege");
        assertEquals(401, post.status());
        long someProposal = Fixtures.proposal(node, cast.anna(), "Ein Vorschlag zum Unterstützen", cast.bauamt());
        before = proposals();
        assertEquals(401, anonymous.post("/vorschlaege/" + someProposal + "/unterstuetzen",
                anonymous.withCsrf(Map.of())).status());

        node.components().accounts().register(new de.offenekommune.node.account.AccountService.Registration(
                "unbestaetigt@example.org", "Ulla Unbestätigt", "ulla", "ein-langes-passwort", java.util.Locale.GERMAN));
        Account ulla = node.components().accounts().byEmail("unbestaetigt@example.org").orElseThrow();
        assertFalse(ulla.confirmed());
        TestBrowser unconfirmed = node.browser();
        String session = node.components().sessions().start(ulla, "test");
        java.net.HttpCookie cookie = new java.net.HttpCookie(de.offenekommune.node.web.Cookies.SESSION, session);
        cookie.setPath("/");
        cookie.setVersion(0);
        unconfirmed.cookieManager().getCookieStore().add(node.baseUrl(), cookie);
        var refused = submit(unconfirmed, "Unbestätigter Vorschlag", cast.bauamt());
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."), refused.body());
        assertEquals(403, unconfirmed.post("/vorschlaege/" + someProposal + "/unterstuetzen",
                unconfirmed.withCsrf(Map.of())).status());
        assertEquals(before, proposals());
        assertEquals(0, supportRows(someProposal));
    }

    @Test
    void invalidProposalsAre400WithFieldErrorsAndWriteNothing() {
        TestBrowser anna = as(cast.anna());
        long before = proposals();
        long mails = outbox();
        Addressee closed = node.components().participation().addressees().byId(node.components().participation()
                .addressees().create(cast.staff(), new de.offenekommune.node.addressee.AddresseeService.Input(
                        "Ehemaliger Ortsbeirat", "COMMITTEE", "", "", ""))).orElseThrow();
        node.components().participation().addressees().setActive(cast.staff(), closed.id(), false);
        List<Map.Entry<String, FormBody>> cases = new java.util.ArrayList<>();
        String key = "k".repeat(30);
        String bauamt = String.valueOf(cast.bauamt().id());
        cases.add(Map.entry("Der Titel braucht mindestens 5 Zeichen.", form(key, "", cast.bauamt())));
        cases.add(Map.entry("Der Titel darf höchstens 150 Zeichen haben.", form(key, "T".repeat(151), cast.bauamt())));
        cases.add(Map.entry("Bitte wählen Sie mindestens einen Adressaten.", form(key, "Ohne Adressat")));
        cases.add(Map.entry("Diesen Adressaten gibt es nicht oder nicht mehr.", form(key, "Unbekannter Adressat")
                .add("addressees", "999999")));
        cases.add(Map.entry("Diesen Adressaten gibt es nicht oder nicht mehr.", form(key, "Kaputte Adressaten-Id")
                .add("addressees", "abc")));
        cases.add(Map.entry("Diesen Adressaten gibt es nicht oder nicht mehr.", form(key, "Inaktiver Adressat",
                closed)));
        cases.add(Map.entry("Links müssen mit https://, http:// oder mailto: beginnen.", new FormBody().add("key", key)
                .add("title", "Böser Link").add("summary", "Eine ausreichend lange Zusammenfassung.")
                .add("body", "Bitte [hier klicken](javascript:alert(1)).").add("topic", "UMWELT")
                .add("addressees", bauamt)));
        cases.add(Map.entry("Bilder können Sie hier nicht einbinden.", new FormBody().add("key", key)
                .add("title", "Mit Bild").add("summary", "Eine ausreichend lange Zusammenfassung.")
                .add("body", "![Bild](https://example.org/x.png)").add("topic", "UMWELT").add("addressees", bauamt)));
        cases.add(Map.entry("Bitte wählen Sie ein Thema.", new FormBody().add("key", key).add("title", "Ohne Thema")
                .add("summary", "Eine ausreichend lange Zusammenfassung.").add("body", "Text").add("topic", "SPORT")
                .add("addressees", bauamt)));
        cases.add(Map.entry("Die Zusammenfassung darf höchstens 500 Zeichen haben.", new FormBody().add("key", key)
                .add("title", "Zu lange Zusammenfassung").add("summary", "z".repeat(501)).add("body", "Text")
                .add("topic", "UMWELT").add("addressees", bauamt)));
        cases.add(Map.entry("Bitte beschreiben Sie Ihren Vorschlag.", new FormBody().add("key", key)
                .add("title", "Ohne Text").add("summary", "Eine ausreichend lange Zusammenfassung.").add("body", "  ")
                .add("topic", "UMWELT").add("addressees", bauamt)));
        for (var c : cases) {
            anna.get("/vorschlaege/neu");
            var r = c.getValue().postTo(anna, "/vorschlaege");
            assertEquals(400, r.status(), c.getKey());
            assertTrue(r.body().contains(c.getKey()), c.getKey() + "\n" + r.body());
            assertTrue(r.body().contains("aria-invalid=\"true\"") || r.body().contains("kern-fieldset--error"),
                    "the field is marked: " + c.getKey());
            assertTrue(r.body().contains("Bitte prüfen Sie Ihre Eingaben"), "error summary: " + c.getKey());
        }
        anna.get("/vorschlaege/neu");
        var control = form(key, "Gültiger Vorschlag", cast.bauamt()).postTo(anna, "/vorschlaege");
        assertEquals(303, control.status(), "control: the same form with valid fields works");
        before++;
        anna.get("/vorschlaege/neu");
        var noKey = new FormBody().add("title", "Ohne Schlüssel").add("summary", "Eine ausreichend lange Zusammenfassung.")
                .add("body", "Text").add("topic", "UMWELT").add("addressees", String.valueOf(cast.bauamt().id()))
                .postTo(anna, "/vorschlaege");
        assertEquals(400, noKey.status());
        anna.get("/vorschlaege/neu");
        assertEquals(400, anna.postRaw("/vorschlaege", "application/x-www-form-urlencoded",
                "_csrf=" + anna.csrf() + "&title=" + "x".repeat(3000)).status(), "oversize field");
        assertEquals(before, proposals());
        assertEquals(mails + 1, outbox(), "only the control proposal mailed its addressee");
    }

    @Test
    void theSameFormSentTwiceMakesOneProposal() throws Exception {
        TestBrowser ben = as(cast.ben());
        String key = Fixtures.formKey(ben.get("/vorschlaege/neu").body());
        long before = proposals();
        var first = form(key, "Doppelt abgeschickter Vorschlag", cast.bauamt()).postTo(ben, "/vorschlaege");
        var second = form(key, "Doppelt abgeschickter Vorschlag", cast.bauamt()).postTo(ben, "/vorschlaege");
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        assertEquals(first.location().replaceAll("\\?.*", ""), second.location().replaceAll("\\?.*", ""));
        assertEquals(before + 1, proposals());

        String key2 = Fixtures.formKey(ben.get("/vorschlaege/neu").body());
        String csrf = ben.csrf();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<TestBrowser.Response>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return ben.postRaw("/vorschlaege", "application/x-www-form-urlencoded",
                            form(key2, "Gleichzeitig abgeschickt", cast.umwelt()).add("_csrf", csrf).encode());
                }));
            }
            go.countDown();
            java.util.Set<String> locations = new java.util.HashSet<>();
            for (var f : results) {
                assertEquals(303, f.get().status());
                locations.add(f.get().location().replaceAll("\\?.*", ""));
            }
            assertEquals(1, locations.size());
        }
        assertEquals(before + 2, proposals());
        assertEquals(1, count("SELECT count(*) FROM mail_outbox WHERE subject = ?",
                "Neuer Vorschlag an Ausschuss für Umwelt und Verkehr: Gleichzeitig abgeschickt"));
    }

    @Test
    void fediverseSupportsAreCountedApart() {
        long id = Fixtures.proposal(node, cast.anna(), "Ein Bücherschrank im Rosengarten", cast.umwelt());
        var supports = node.components().participation().supports();
        String alice = "https://social.example/users/alice";
        assertTrue(supports.supportRemote(id, alice, "https://social.example/likes/1")
                instanceof de.offenekommune.node.support.SupportService.Added.Supported);
        assertTrue(supports.supportRemote(id, alice, "https://social.example/likes/2")
                instanceof de.offenekommune.node.support.SupportService.Added.AlreadySupported);
        support(as(cast.ben()), id);
        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("<strong>2 Unterstützungen</strong>"), page);
        assertTrue(page.contains("(davon 1 hier und 1 aus dem Fediverse)"));
        assertTrue(supports.withdrawRemote("https://social.example/likes/1", "https://evil.example/users/mallory")
                instanceof de.offenekommune.node.support.SupportService.Removed.NotSupported);
        assertTrue(supports.withdrawRemote("https://social.example/likes/1", alice)
                instanceof de.offenekommune.node.support.SupportService.Removed.Withdrawn);
        assertEquals(0, count("SELECT remote_supports FROM proposal WHERE id = ?", id));
        assertEquals(1, localSupports(id));
    }

    @Test
    void deletedAndUnknownProposals() {
        long id = Fixtures.proposal(node, cast.anna(), "Ein zurückgezogener Vorschlag", cast.bauamt());
        node.sql().update("UPDATE proposal SET deleted_at = now() WHERE id = ?", id);
        assertEquals(410, node.browser().get("/vorschlaege/" + id).status());
        assertEquals(404, node.browser().get("/vorschlaege/99999999").status());
        assertEquals(400, node.browser().get("/vorschlaege/abc").status());
        TestBrowser ben = as(cast.ben());
        ben.get("/vorschlaege");
        assertEquals(410, ben.post("/vorschlaege/" + id + "/unterstuetzen", ben.withCsrf(Map.of())).status());
    }
}
