package de.offenekommune.node.legal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;
import de.offenekommune.node.web.Messages;

/**
 * The accessibility statement, imprint and privacy page: the operator's Markdown per language
 * from the database, or the built-in placeholder text (which says it must be adapted).
 */
public final class LegalPageService {
    public static final int MAX_MARKDOWN = 100_000;

    private final Sql sql;
    private final NodeConfig config;
    private final Map<String, String> defaults = new ConcurrentHashMap<>();

    public LegalPageService(Sql sql, NodeConfig config) {
        this.sql = sql;
        this.config = config;
    }

    /**
     * A page's text in one language.
     *
     * @param updatedAt null for the placeholder
     */
    public record Text(LegalPage page, String lang, String markdown, String html, Instant updatedAt) {
        public boolean placeholder() {
            return updatedAt == null;
        }
    }

    public Text text(LegalPage page, Locale locale) {
        String lang = Messages.supported(locale).getLanguage();
        return sql.one("SELECT markdown, html, updated_at FROM legal_page WHERE slug = ? AND locale = ?",
                        r -> new Text(page, lang, r.str("markdown"), r.str("html"), r.instant("updated_at")),
                        page.slug(), lang)
                .orElseGet(() -> placeholder(page, lang));
    }

    /** Admins only. @throws InvalidInput empty or too long */
    public void save(Account admin, LegalPage page, Locale locale, String markdown) {
        requireAdmin(admin);
        String text = markdown == null ? "" : markdown.strip();
        new InvalidInput.Collector()
                .check(!text.isEmpty(), "markdown", "legal.error.empty")
                .check(text.length() <= MAX_MARKDOWN, "markdown", "form.error.too-long")
                .throwIfAny();
        sql.update("""
                INSERT INTO legal_page (slug, locale, markdown, html, updated_at, updated_by) VALUES (?, ?, ?, ?, now(), ?)
                ON CONFLICT (slug, locale) DO UPDATE SET markdown = excluded.markdown, html = excluded.html,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                page.slug(), Messages.supported(locale).getLanguage(), text, Markdown.toHtml(text), admin.id());
    }

    /** Back to the placeholder text. */
    public void reset(Account admin, LegalPage page, Locale locale) {
        requireAdmin(admin);
        sql.update("DELETE FROM legal_page WHERE slug = ? AND locale = ?", page.slug(),
                Messages.supported(locale).getLanguage());
    }

    private Text placeholder(LegalPage page, String lang) {
        String markdown = defaults.computeIfAbsent(page.slug() + "_" + lang, this::load);
        return new Text(page, lang, markdown, defaults.computeIfAbsent("html:" + page.slug() + "_" + lang,
                k -> Markdown.toHtml(markdown)), null);
    }

    private String load(String name) {
        try (InputStream in = Optional.ofNullable(getClass().getResourceAsStream("/legal/" + name + ".md"))
                .orElseThrow(() -> new IllegalStateException("missing placeholder text legal/" + name + ".md"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{name}}", config.name())
                    .replace("{{url}}", config.baseUrl().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAdmin(Account account) {
        if (!account.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }
}
