package de.offenekommune.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;

/**
 * The proposal form used with the keyboard alone, as a person who cannot use a mouse does: every
 * step is a key press (Tab, typing, arrow keys, Space, Enter) sent through Selenium's Actions to the
 * element that has the focus. No element is clicked, no field is filled by id, no script submits.
 */
class ProposalKeyboardTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Browser browser;

    @BeforeAll
    static void start() {
        node = TestNode.start("Tastaturstadt");
        cast = Fixtures.musterstadt(node);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        node.close();
    }

    @Test
    void theProposalFormWorksWithTheKeyboardOnly() {
        browser.signIn(node.baseUrl().toString(), cast.anna().email(), Fixtures.PASSWORD);
        browser.open(node.url("/vorschlaege/neu"));
        long before = node.sql().count("SELECT count(*) FROM proposal");
        Actions keys = new Actions(browser.driver());
        // From the top of the page (skip link, header, search) Tab leads to the first field.
        for (int i = 0; i < 40 && !"title".equals(browser.focused()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("title", browser.focused(), "the title field is reachable with Tab");
        keys.sendKeys("Mit der Tastatur geschrieben").sendKeys(Keys.TAB).perform();
        assertEquals("summary", browser.focused());
        keys.sendKeys("Dieser Vorschlag entstand ohne Maus.").sendKeys(Keys.TAB).perform();
        assertEquals("body", browser.focused());
        keys.sendKeys("Ein Text, nur mit der Tastatur eingegeben.").sendKeys(Keys.TAB).perform();
        assertEquals("topic", browser.focused());
        keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.TAB).perform();
        assertEquals("location", browser.focused());
        keys.sendKeys("Rathausplatz").sendKeys(Keys.TAB).perform();
        assertTrue(browser.focused().startsWith("addressee-"), "then the addressee checkboxes: " + browser.focused());
        String addressee = browser.focused().substring("addressee-".length());
        keys.sendKeys(Keys.SPACE).perform();
        for (int i = 0; i < 10 && !"BUTTON".equalsIgnoreCase(active().getTagName()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("submit", active().getAttribute("type"));
        assertEquals("/vorschlaege", active().findElement(org.openqa.selenium.By.xpath("ancestor::form"))
                .getDomAttribute("action"), "the button of the proposal form has the focus");
        keys.sendKeys(Keys.ENTER).perform();
        browser.await(() -> browser.driver().getCurrentUrl().contains("hinweis=proposal-submitted"));

        assertEquals(before + 1, node.sql().count("SELECT count(*) FROM proposal"));
        var stored = node.sql().one("""
                SELECT p.title, p.summary, p.body_markdown, p.topic, p.location, pa.addressee_id
                FROM proposal p JOIN proposal_addressee pa ON pa.proposal_id = p.id ORDER BY p.id DESC LIMIT 1""",
                r -> String.join("|", r.str("title"), r.str("summary"), r.str("body_markdown"), r.str("topic"),
                        r.str("location"), String.valueOf(r.lng("addressee_id")))).orElseThrow();
        assertEquals(String.join("|", "Mit der Tastatur geschrieben", "Dieser Vorschlag entstand ohne Maus.",
                "Ein Text, nur mit der Tastatur eingegeben.", "TRANSPORT", "Rathausplatz", addressee), stored,
                "what was typed arrived; the arrow key chose the first topic, Space the focused addressee");
    }

    private static WebElement active() {
        return browser.driver().switchTo().activeElement();
    }
}
