package de.offenekommune.node.region;

import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/**
 * {@code /admin/mitglieder}: the region's admin sees the member towns and whether they are
 * connected, adds one (official key and handle; the district's towns are proposed) and removes
 * those added here. Access is checked before anything else; a town answers 404.
 */
public final class MemberPages implements HttpService {
    private static final String PATH = "/admin/mitglieder";

    private final boolean region;
    private final RegionMembers members;
    private final RegionArea area;
    private final Pages pages;
    private final Forms forms;

    public MemberPages(boolean region, RegionMembers members, RegionArea area, Pages pages, Forms forms) {
        this.region = region;
        this.members = members;
        this.area = area;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::list)
                .post(PATH, this::add)
                .post(PATH + "/entfernen", this::remove);
    }

    private void list(ServerRequest req, ServerResponse res) {
        VisitorFilter.of(req).require(Role.ADMIN);
        requireRegion();
        render(req, res, Status.OK_200, pages.page(req), Map.of());
    }

    private void add(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        requireRegion();
        try {
            String notice = switch (members.add(admin, FormValues.raw(form, "ags"), FormValues.raw(form, "handle"))) {
                case RegionMembers.AddResult.Added a -> a.reached() ? "member-added" : "member-added-unreached";
                case RegionMembers.AddResult.AlreadyMember m -> "member-known";
            };
            Pages.redirect(res, PATH, notice);
        } catch (InvalidInput e) {
            render(req, res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()),
                    FormValues.of(form, "ags", "handle"));
        }
    }

    private void remove(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        requireRegion();
        members.remove(admin, FormValues.raw(form, "ags"));
        Pages.redirect(res, PATH, "member-removed");
    }

    private void render(ServerRequest req, ServerResponse res, Status status, de.offenekommune.node.web.Page page,
                        Map<String, String> values) {
        pages.render(res, status, page, "region/members.jte", "members", members.list(),
                "candidates", members.candidates(), "district", area.district().orElse(null), "values", values);
    }

    private void requireRegion() {
        if (!region) {
            throw HttpError.notFound();
        }
    }
}
