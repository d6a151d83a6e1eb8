package de.offenekommune.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestMail;
import de.offenekommune.node.testing.TestNode;

/**
 * The main flows of issue 3 end to end in headless Chromium, as people do them: pages are opened,
 * fields typed into, buttons and links clicked. E-mails go over SMTP to GreenMail and the
 * confirmation link is taken from there.
 */
class MainFlowsBrowserTest {
    private static TestMail mail;
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Browser browser;

    @BeforeAll
    static void start() {
        mail = new TestMail();
        Map<String, String> config = new HashMap<>(mail.nodeConfig());
        config.put("proposals.support-threshold", "5");
        node = TestNode.start("Ablaufstadt", config);
        cast = Fixtures.musterstadt(node);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        node.close();
        mail.close();
    }

    private static String base() {
        return node.baseUrl().toString();
    }

    /** Clicks the label of a radio button or checkbox (the styled input itself is not what people click). */
    private static void choose(String inputId) {
        browser.click(By.cssSelector("label[for='" + inputId + "']"));
        assertTrue(browser.find(By.id(inputId)).isSelected(), inputId + " chosen");
    }

    private static void signIn(Account account) {
        browser.signIn(base(), account.email(), Fixtures.PASSWORD);
    }

    @Test
    void aCitizenRegistersProposesAnotherSupportsStaffAnswerTheAuthorSeesIt() {
        // Register and confirm with the link from the e-mail.
        browser.signOut().open(node.url("/"));
        browser.submit(By.cssSelector("header a[href='/registrieren']"));
        browser.fill("displayName", "Frieda Fahrrad");
        browser.fill("username", "frieda");
        browser.fill("email", "frieda@example.org");
        browser.fill("password", "ein-langes-passwort");
        browser.submit(By.cssSelector("form[action='/registrieren'] button[type=submit]"));
        assertTrue(browser.text().contains("Bitte bestätigen Sie Ihre E-Mail-Adresse."), browser.text());
        String link = mail.awaitTo("frieda@example.org", 1).link("/bestaetigen?token=");
        browser.open(link);
        assertTrue(browser.text().contains("Ihre E-Mail-Adresse ist bestätigt."), browser.text());

        // Sign in on the page the link led to, write a proposal to the Bauamt.
        browser.fill("email", "frieda@example.org");
        browser.fill("password", "ein-langes-passwort");
        browser.submit(By.cssSelector("form[action='/anmelden'] button[type=submit]"));
        browser.open(node.url("/vorschlaege"));
        browser.submit(By.cssSelector("main a[href='/vorschlaege/neu']"));
        browser.fill("title", "Fahrradstraße in der Lindenallee");
        browser.fill("summary", "Die Lindenallee wird zur Fahrradstraße, Autos dürfen weiter hinein.");
        browser.fill("body", "Viele Schulkinder fahren hier. Eine **Fahrradstraße** macht den Weg sicherer.");
        new Select(browser.find(By.id("topic"))).selectByValue("TRANSPORT");
        browser.fill("location", "Lindenallee");
        choose("addressee-" + cast.bauamt().id());
        browser.submit(By.cssSelector("form[action='/vorschlaege'] button[type=submit]"));
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("hinweis=proposal-submitted"), url);
        String proposal = url.substring(url.indexOf("/vorschlaege/"), url.indexOf('?'));
        assertTrue(browser.text().contains("Ihr Vorschlag ist eingereicht."));
        assertEquals("Eingereicht", browser.find(By.cssSelector(".ok-badges .kern-badge")).getText());
        assertTrue(mail.awaitTo("bauamt@example.org", 1).body().contains("Fahrradstraße in der Lindenallee"),
                "the addressee is told");

        // Another citizen supports it.
        signIn(cast.ben());
        browser.open(node.url(proposal));
        browser.submit(By.cssSelector("form[action$='/unterstuetzen'] button[type=submit]"));
        assertTrue(browser.text().contains("Danke! Sie unterstützen diesen Vorschlag."), browser.text());
        assertEquals("1 Unterstützung", browser.find(By.cssSelector(".ok-support strong")).getText());

        // Staff answer it.
        signIn(cast.staff());
        browser.open(node.url(proposal));
        choose("status-answered");
        choose("outcome");
        browser.fill("answer", "Wir richten die Fahrradstraße im Frühjahr ein. Danke für den Vorschlag!");
        browser.submit(By.cssSelector("form[action$='/status'] button[type=submit]"));
        assertTrue(browser.text().contains("Der neue Stand ist gespeichert."), browser.text());

        // The author signs in and sees the answer and the status.
        browser.signIn(base(), "frieda@example.org", "ein-langes-passwort");
        browser.open(node.url(proposal));
        assertEquals("Beantwortet: angenommen", browser.find(By.cssSelector(".ok-badges .kern-badge")).getText());
        String answer = browser.find(By.cssSelector("section.ok-answer")).getText();
        assertTrue(answer.contains("Wir richten die Fahrradstraße im Frühjahr ein."), answer);
        assertTrue(answer.contains("Antwort von Petra Amtmann"), answer);
        assertTrue(mail.awaitTo("frieda@example.org", 2).body().contains("Wir richten die Fahrradstraße"),
                "the author is told by e-mail too");
    }

    @Test
    void aCitizenAnswersASurveyAndSeesTheResults() {
        Project project = new TestContent(node).project("Neuer Spielplatz");
        Survey survey = new TestContent(node).survey(project, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(7)), "AFTER_VOTING");
        var questions = node.components().surveys().get(survey.id()).questions();
        signIn(cast.carla());
        browser.open(node.url(project.path()));
        browser.submit(By.cssSelector("a[href='" + survey.path() + "']"));
        choose(questions.get(0).field() + "-" + questions.get(0).choices().get(1).id());
        choose(questions.get(1).field() + "-" + questions.get(1).choices().get(0).id());
        choose(questions.get(1).field() + "-" + questions.get(1).choices().get(2).id());
        browser.fill(questions.get(2).field(), "Bitte mit Schatten.");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertTrue(browser.text().contains("Vielen Dank für Ihre Teilnahme!"), browser.text());

        browser.submit(By.cssSelector("a[href='" + survey.path() + "/ergebnisse']"));
        String results = browser.text();
        assertTrue(results.contains("1 Person hat teilgenommen"), results);
        String no = browser.find(By.xpath("//table[.//caption[contains(., 'Gefällt Ihnen der Entwurf?')]]"
                + "//tr[th[normalize-space()='Nein']]")).getText();
        assertTrue(no.contains("1") && no.contains("100"), "the chosen answer is counted: " + no);
    }

    @Test
    void aCitizenFlagsACommentAndStaffHideItWithAReasonShownInPlace() {
        long proposal = Fixtures.proposal(node, cast.anna(), "Mehr Bänke am Marktplatz", cast.umwelt());
        long comment = node.components().participation().comments().add(cast.ben(), "proposal", proposal, null,
                "Das ist eine dumme Idee von dummen Leuten.").id();
        String page = "/vorschlaege/" + proposal;

        signIn(cast.dora());
        browser.open(node.url(page));
        browser.submit(By.cssSelector("#kommentar-" + comment + " a[href^='/melden']"));
        browser.fill("reason", "Das ist beleidigend.");
        browser.submit(By.cssSelector("form[action='/melden'] button[type=submit]"));
        assertTrue(browser.text().contains("Danke für Ihre Meldung."), browser.text());

        signIn(cast.staff());
        browser.open(node.url("/moderation"));
        browser.submit(By.cssSelector("a[href='/moderation/eintrag?art=comment&id=" + comment + "']"));
        assertTrue(browser.text().contains("Das ist beleidigend."), "the reporter's reason is shown to staff");
        browser.fill("reason", "Beleidigung entfernt.");
        browser.submit(By.cssSelector("button[name=aktion][value=HIDE]"));
        assertTrue(browser.text().contains("Der Inhalt ist ausgeblendet."), browser.text());

        browser.signOut().open(node.url(page));
        String inPlace = browser.find(By.cssSelector("#kommentar-" + comment)).getText();
        assertTrue(inPlace.contains("Von der Moderation ausgeblendet: Beleidigung entfernt."), inPlace);
        assertFalse(browser.text().contains("dumme Idee"), "the text is gone for the public");
        browser.open(node.url("/moderationsprotokoll"));
        assertTrue(browser.text().contains("Beleidigung entfernt."), "and the public log has it");
    }
}
