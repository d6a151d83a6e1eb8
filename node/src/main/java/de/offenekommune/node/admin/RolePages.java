package de.offenekommune.node.admin;

import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.account.AccountService;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** The admin page that assigns roles (citizen, staff, admin). Admins only. */
public final class RolePages implements HttpService {
    private static final int PAGE_SIZE = 50;

    private final AccountService accounts;
    private final AccountRepository repository;
    private final Sql sql;
    private final Pages pages;
    private final Forms forms;

    public RolePages(AccountService accounts, AccountRepository repository, Sql sql, Pages pages, Forms forms) {
        this.accounts = accounts;
        this.repository = repository;
        this.sql = sql;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/{id}", this::assign);
    }

    private void list(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.ADMIN);
        long before = req.query().first("vor").asOptional().map(AdminPaging::parseId).orElse(Long.MAX_VALUE);
        List<Account> page = repository.page(sql, before, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<Account> shown = more ? page.subList(0, PAGE_SIZE) : page;
        pages.render(req, res, "admin/roles.jte", "accounts", shown, "roles", List.of(Role.values()),
                "nextBefore", more ? shown.getLast().id() : 0L);
    }

    private void assign(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        long id = AdminPaging.parseId(req.path().pathParameters().get("id"));
        Role role;
        try {
            role = Role.parse(form.text("role", 20));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("admin.roles.error.unknown-role");
        }
        accounts.setRole(admin, id, role);
        Pages.redirect(res, "/admin/rollen", "role-changed");
    }
}
