package de.offenekommune.node.activitypub.policy;

import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.federation.inbox.BlockList;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.FormValues;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Page;
import de.offenekommune.node.web.Pages;
import de.offenekommune.node.web.Visitor;
import de.offenekommune.node.web.VisitorFilter;

/** {@code /admin/sperren}: the blocked servers and accounts, a form to add one, and lifting a block. */
public final class BlockPages implements HttpService {
    private static final String PATH = "/admin/sperren";

    private final BlockService blocks;
    private final Pages pages;
    private final Forms forms;

    public BlockPages(BlockService blocks, Pages pages, Forms forms) {
        this.blocks = blocks;
        this.pages = pages;
        this.forms = forms;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::list)
                .post(PATH, this::block)
                .post(PATH + "/aufheben", this::unblock);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Account admin = VisitorFilter.of(req).require(Role.ADMIN);
        render(res, Status.OK_200, pages.page(req), blocks.list(admin), Map.of("kind", "domain"));
    }

    private void block(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        try {
            blocks.block(admin, form.text("kind", 20), form.text("value", 2000),
                    form.text("reason", BlockService.MAX_REASON));
            Pages.redirect(res, PATH, "block-added");
        } catch (InvalidInput e) {
            render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), blocks.list(admin),
                    FormValues.of(form, "kind", "value", "reason"));
        }
    }

    private void unblock(ServerRequest req, ServerResponse res) {
        Visitor visitor = VisitorFilter.of(req);
        Account admin = visitor.require(Role.ADMIN);
        Forms.Form form = forms.read(req, visitor);
        blocks.unblock(admin, form.text("kind", 20), form.text("value", 2000));
        Pages.redirect(res, PATH, "block-removed");
    }

    private void render(ServerResponse res, Status status, Page page, List<BlockList.Block> list,
                        Map<String, String> values) {
        pages.render(res, status, page, "activitypub/blocks.jte", "blocks", list, "values", values);
    }
}
