package de.offenekommune.node.proposal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.addressee.AddresseeService;
import de.offenekommune.node.comment.CommentService;
import de.offenekommune.node.statement.StatementService;
import de.offenekommune.node.support.SupportService;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** The proposal list, the proposal page, the form for new proposals and the answer form (at /vorschlaege). */
public final class ProposalPages implements HttpService {
    private final ProposalService proposals;
    private final SupportService supports;
    private final CommentService comments;
    private final StatementService statements;
    private final AddresseeService addressees;
    private final ProposalSettings settings;
    private final Pages pages;
    private final Forms forms;
    private final Clock clock;

    public ProposalPages(ProposalService proposals, SupportService supports, CommentService comments,
                         StatementService statements, AddresseeService addressees, ProposalSettings settings,
                         Pages pages, Forms forms, Clock clock) {
        this.proposals = proposals;
        this.supports = supports;
        this.comments = comments;
        this.statements = statements;
        this.addressees = addressees;
        this.settings = settings;
        this.pages = pages;
        this.forms = forms;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/neu", this::newForm)
                .get("/{id}", this::detail)
                .post("/{id}/status", this::changeStatus);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var q = req.query();
        ProposalQuery query = ProposalQuery.parse(q.first("status").orElse(null), q.first("thema").orElse(null),
                q.first("an").orElse(null), q.first("sortierung").orElse(null), q.first("nach").orElse(null));
        ProposalService.Listing listing = proposals.list(query);
        String next = listing.next() == null ? null : "/vorschlaege?" + queryString(query.params(), listing.next());
        pages.render(req, res, "proposal/list.jte", "listing", listing, "query", query, "next", next,
                "addressees", addressees.active(), "first", query.after() == null,
                "firstPage", "/vorschlaege" + (query.params().isEmpty() ? "" : "?" + queryString(query.params(), null)));
    }

    private static String queryString(Map<String, String> params, String after) {
        Map<String, String> all = new java.util.LinkedHashMap<>(params);
        if (after != null) {
            all.put("nach", after);
        }
        return all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private void newForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.CITIZEN);
        renderForm(res, Status.OK_200, pages.page(req), Map.of("key", Tokens.random()), List.of());
    }

    private void renderForm(ServerResponse res, Status status, Page page, Map<String, String> values,
                            List<String> chosen) {
        pages.render(res, status, page, "proposal/form.jte", "values", values, "chosen", chosen,
                "addressees", addressees.active(), "rule", settings.current());
    }

    private void create(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account author = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        // Generous caps only protect memory; the service checks the real limits and reports all fields.
        ProposalService.Draft draft = new ProposalService.Draft(form.raw("title", 2_000), form.raw("summary", 5_000),
                form.raw("body", 100_000), form.raw("topic", 50), form.raw("location", 2_000),
                form.all("addressees"), form.raw("key", 100));
        try {
            ProposalService.Submission s = proposals.submit(author, draft);
            Pages.redirect(res, ProposalRepository.path(s.id()), "proposal-submitted");
        } catch (InvalidInput e) {
            Map<String, String> values = Map.of("title", draft.title(), "summary", draft.summary(), "body",
                    draft.body(), "topic", draft.topic(), "location", draft.location(), "key", draft.submissionKey());
            renderForm(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), values,
                    draft.addresseeIds());
        }
    }

    private void detail(ServerRequest req, ServerResponse res) {
        render(req, res, Status.OK_200, pages.page(req), Map.of());
    }

    private void render(ServerRequest req, ServerResponse res, Status status, Page page, Map<String, String> values) {
        Visitor visitor = VisitorFilter.of(req);
        long id = Ids.path(req, "id");
        ProposalService.Detail detail = proposals.detail(visitor.account(), id);
        boolean supported = visitor.account().map(a -> supports.supports(a, id)).orElse(false);
        pages.render(res, status, page, "proposal/detail.jte", "detail", detail, "supported", supported,
                "open", detail.proposal().openForSupport(clock.instant()),
                "thread", comments.thread(ProposalRepository.KIND, id), "values", values,
                "statements", statements.section(ProposalRepository.KIND, id, visitor.verifiedOrganisation()));
    }

    private void changeStatus(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account actor = visitor.require(Role.CITIZEN);
        Forms.Form form = forms.read(req, visitor);
        long id = Ids.path(req, "id");
        ProposalService.StatusChange change = new ProposalService.StatusChange(form.raw("status", 50),
                form.raw("outcome", 50), form.raw("answer", 100_000));
        try {
            proposals.changeStatus(actor, id, change);
        } catch (InvalidInput e) {
            Map<String, String> values = new HashMap<>();
            values.put("status", change.status());
            values.put("outcome", change.outcome());
            values.put("answer", change.answer());
            render(req, res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), values);
            return;
        }
        Pages.redirect(res, ProposalRepository.path(id), "proposal-status-saved");
    }
}
