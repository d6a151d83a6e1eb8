package de.offenekommune.node.addressee;

import java.util.HashMap;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Ids;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.VisitorFilter;

/** Staff pages that keep the addressees: list, create, edit, deactivate (mounted at /admin/adressaten). */
public final class AddresseePages implements HttpService {
    private static final String BASE = "/admin/adressaten";

    private final AddresseeService addressees;
    private final Pages pages;
    private final Forms forms;

    public AddresseePages(AddresseeService addressees, Pages pages, Forms forms) {
        this.addressees = addressees;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/neu", this::newForm)
                .get("/{id}", this::editForm)
                .post("/{id}", this::update)
                .post("/{id}/deaktivieren", (req, res) -> setActive(req, res, false))
                .post("/{id}/aktivieren", (req, res) -> setActive(req, res, true));
    }

    private void list(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        pages.render(req, res, "addressee/list.jte", "addressees", addressees.all());
    }

    private void newForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        pages.render(req, res, "addressee/form.jte", "id", 0L, "values", Map.of());
    }

    private void editForm(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.STAFF);
        Addressee a = addressees.byId(Ids.path(req, "id")).orElseThrow(HttpError::notFound);
        Map<String, String> values = new HashMap<>();
        values.put("name", a.name());
        values.put("kind", a.kind().name());
        values.put("description", a.description());
        values.put("email", a.email() == null ? "" : a.email());
        values.put("account", a.accountUsername() == null ? "" : a.accountUsername());
        pages.render(req, res, "addressee/form.jte", "id", a.id(), "values", values);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        AddresseeService.Input input = input(form);
        FormKey key = FormKey.of(staff, form);
        try {
            addressees.create(staff, input, key);
        } catch (InvalidInput e) {
            renderInvalid(req, res, 0L, input, key.value(), e);
            return;
        }
        Pages.redirect(res, BASE, "addressee-saved");
    }

    private void update(ServerRequest req, ServerResponse res) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        Forms.Form form = forms.read(req, VisitorFilter.of(req));
        long id = Ids.path(req, "id");
        AddresseeService.Input input = input(form);
        try {
            addressees.update(staff, id, input);
        } catch (InvalidInput e) {
            renderInvalid(req, res, id, input, "", e);
            return;
        }
        Pages.redirect(res, BASE, "addressee-saved");
    }

    private void setActive(ServerRequest req, ServerResponse res, boolean active) {
        Account staff = VisitorFilter.of(req).require(Role.STAFF);
        forms.read(req, VisitorFilter.of(req));
        addressees.setActive(staff, Ids.path(req, "id"), active);
        Pages.redirect(res, BASE, active ? "addressee-activated" : "addressee-deactivated");
    }

    private static AddresseeService.Input input(Forms.Form form) {
        // Generous caps here only protect memory; the service checks the real limits field by field.
        return new AddresseeService.Input(form.raw("name", 2000), form.raw("kind", 50), form.raw("description", 5000),
                form.raw("email", 2000), form.raw("account", 2000));
    }

    private void renderInvalid(ServerRequest req, ServerResponse res, long id, AddresseeService.Input in,
                               String key, InvalidInput e) {
        Map<String, String> values = Map.of("name", in.name(), "kind", in.kind(), "description", in.description(),
                "email", in.email(), "account", in.account(), FormKey.FIELD, key);
        pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "addressee/form.jte",
                "id", id, "values", values);
    }
}
