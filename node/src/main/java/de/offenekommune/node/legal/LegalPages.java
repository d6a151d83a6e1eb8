package de.offenekommune.node.legal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** The public legal pages (/barrierefreiheit, /impressum, /datenschutz) and their editor (/admin/seiten). */
public final class LegalPages implements HttpService {
    private static final String ADMIN = "/admin/seiten";

    private final LegalPageService legal;
    private final Pages pages;
    private final Forms forms;

    public LegalPages(LegalPageService legal, Pages pages, Forms forms) {
        this.legal = legal;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        for (LegalPage p : LegalPage.values()) {
            rules.get(p.path(), (req, res) -> show(req, res, p));
        }
        rules.get(ADMIN, this::overview)
                .get(ADMIN + "/{slug}/{lang}", this::editForm)
                .post(ADMIN + "/{slug}/{lang}", this::save)
                .post(ADMIN + "/{slug}/{lang}/zuruecksetzen", this::reset);
    }

    private void show(ServerRequest req, ServerResponse res, LegalPage page) {
        pages.render(req, res, "legal/page.jte", "text", legal.text(page, VisitorFilter.of(req).locale()));
    }

    private void overview(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.ADMIN);
        List<LegalPageService.Text> texts = new java.util.ArrayList<>();
        for (LegalPage p : LegalPage.values()) {
            for (Locale l : Messages.SUPPORTED) {
                texts.add(legal.text(p, l));
            }
        }
        pages.render(req, res, "legal/admin.jte", "texts", texts);
    }

    private void editForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.ADMIN);
        LegalPageService.Text text = legal.text(page(req), lang(req));
        pages.render(req, res, "legal/edit.jte", "text", text, "values", Map.of("markdown", text.markdown()));
    }

    private void save(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        LegalPage page = page(req);
        Locale lang = lang(req);
        String markdown = form.raw("markdown", LegalPageService.MAX_MARKDOWN + 1_000);
        try {
            legal.save(admin, page, lang, markdown);
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "legal/edit.jte",
                    "text", legal.text(page, lang), "values", Map.of("markdown", markdown));
            return;
        }
        Pages.redirect(res, ADMIN, "legal-saved");
    }

    private void reset(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        forms.read(req, VisitorFilter.of(req));
        legal.reset(admin, page(req), lang(req));
        Pages.redirect(res, ADMIN, "legal-reset");
    }

    private static LegalPage page(ServerRequest req) {
        return LegalPage.of(req.path().pathParameters().get("slug"));
    }

    private static Locale lang(ServerRequest req) {
        String lang = req.path().pathParameters().get("lang");
        if (!"de".equals(lang) && !"en".equals(lang)) {
            throw HttpError.notFound();
        }
        return Locale.forLanguageTag(lang);
    }
}
