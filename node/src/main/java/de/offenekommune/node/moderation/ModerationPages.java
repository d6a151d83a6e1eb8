package de.offenekommune.node.moderation;

import java.util.Locale;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.moderation.ModerationRepository.Action;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** Flagging (/melden), the staff queue and decisions (/moderation), and the public log (/moderationsprotokoll). */
public final class ModerationPages implements HttpService {
    private final ModerationService moderation;
    private final Pages pages;
    private final Forms forms;

    public ModerationPages(ModerationService moderation, Pages pages, Forms forms) {
        this.moderation = moderation;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/melden", this::flagForm)
                .post("/melden", this::flag)
                .get("/moderation", this::queue)
                .get("/moderation/eintrag", this::caseForm)
                .post("/moderation/eintrag", this::decide)
                .get("/moderationsprotokoll", this::log);
    }

    private void flagForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.CITIZEN);
        ModeratedItem item = moderation.item(req.query().first("art").orElse(""),
                Ids.parse(req.query().first("id").orElse("")));
        pages.render(req, res, "moderation/flag.jte", "item", item, "reason", "");
    }

    private void flag(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account reporter = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        String kind = form.text("art", 30);
        long id = Ids.parse(form.text("id", 20));
        String reason = form.raw("reason", 5000);
        try {
            ModerationService.FlagResult result = moderation.flag(reporter, kind, id, reason);
            String notice = result instanceof ModerationService.FlagResult.Flagged ? "flagged" : "already-flagged";
            Pages.redirect(res, itemPath(result), notice);
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "moderation/flag.jte",
                    "item", moderation.item(kind, id), "reason", reason);
        }
    }

    private static String itemPath(ModerationService.FlagResult result) {
        return switch (result) {
            case ModerationService.FlagResult.Flagged f -> f.item().path();
            case ModerationService.FlagResult.AlreadyFlagged a -> a.item().path();
        };
    }

    private void queue(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        pages.render(req, res, "moderation/queue.jte", "queue", moderation.queue(staff));
    }

    private void caseForm(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        ModerationService.Case c = moderation.caseOf(staff, req.query().first("art").orElse(""),
                Ids.parse(req.query().first("id").orElse("")));
        pages.render(req, res, "moderation/case.jte", "item", c, "reason", "");
    }

    private void decide(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account staff = visitor.require(Role.STAFF);
        Forms.Form form = forms.read(req, visitor);
        String kind = form.text("art", 30);
        long id = Ids.parse(form.text("id", 20));
        Action action = action(form.text("aktion", 20));
        String reason = form.raw("reason", 5000);
        try {
            moderation.decide(staff, kind, id, action, reason);
        } catch (InvalidInput e) {
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "moderation/case.jte",
                    "item", moderation.caseOf(staff, kind, id), "reason", reason);
            return;
        }
        Pages.redirect(res, "/moderation", "moderation-" + action.name().toLowerCase(Locale.ROOT));
    }

    private void log(ServerRequest req, ServerResponse res) {
        long before = req.query().first("vor").asOptional().map(Ids::parse).orElse(Long.MAX_VALUE);
        pages.render(req, res, "moderation/log.jte", "log", moderation.log(before));
    }

    private static Action action(String value) {
        try {
            return Action.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("moderation.error.action");
        }
    }
}
