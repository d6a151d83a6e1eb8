package de.offenekommune.node.statement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.helidon.http.Status;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.comment.CommentTarget;
import de.offenekommune.node.comment.CommentTargets;
import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.organisation.OrganisationRepository;
import de.offenekommune.node.verification.AttestationRepository;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HtmlSanitizer;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;
import de.offenekommune.node.web.MarkdownLinks;

/**
 * Official statements: only an organisation verified here writes them (on projects and proposals of
 * this node, or on a neighbour's proposal, which is then sent there); statements of remote
 * organisations arrive through the inbox. Targets are looked up through a registry of kinds.
 */
public final class StatementService {
    public static final int MAX_BODY = 10_000;
    /** The form field (not "text": a page has the comment form too, and ids must be unique). */
    public static final String FIELD = "stellungnahme";
    /** The kind of a neighbour's project or proposal (registered by the ActivityPub side). */
    public static final String NEIGHBOUR = "neighbour";
    private static final int MAX_REMOTE_HTML = 50_000;
    static final int SHOWN = 100;

    private final Sql sql;
    private final StatementRepository statements;
    private final CommentTargets targets;
    private final OrganisationRepository organisations;
    private final AttestationRepository attestations;
    private final ContentEvents events;
    private final Clock clock;

    /** @param targets what statements can be on: "proposal", "project" and (registered by ActivityPub) "neighbour" */
    public StatementService(Sql sql, StatementRepository statements, CommentTargets targets,
                            OrganisationRepository organisations, AttestationRepository attestations,
                            ContentEvents events, Clock clock) {
        this.sql = sql;
        this.statements = statements;
        this.targets = targets;
        this.organisations = organisations;
        this.attestations = attestations;
        this.events = events;
        this.clock = clock;
    }

    /** What a page shows: the target's statements and whether the viewer may write one. */
    public record Section(String targetKind, long targetId, List<Statement> statements, boolean mayWrite) {
    }

    public CommentTargets targets() {
        return targets;
    }

    /**
     * @param mayWrite whether the viewer speaks for an organisation verified now
     *                 ({@link de.offenekommune.node.web.Visitor#verifiedOrganisation()}, read with the session)
     */
    public Section section(String kind, long targetId, boolean mayWrite) {
        return section(kind, targetId, mayWrite, true);
    }

    /** @param any false if the target certainly has no statements (the list is not read) */
    public Section section(String kind, long targetId, boolean mayWrite, boolean any) {
        return new Section(kind, targetId,
                any ? statements.ofTarget(sql, kind, targetId, clock.instant(), SHOWN) : List.of(), mayWrite);
    }

    /** The account's organisation, if it is verified here now. */
    public Optional<Organisation> verifiedOrganisation(Account account) {
        return attestations.verifiedOrganisationOf(sql, account.id(), clock.instant())
                .flatMap(id -> organisations.byId(sql, id));
    }

    /**
     * A statement of the account's verified organisation; a repeat of the same form returns the first.
     *
     * @throws HttpError 403 unless the account's organisation is verified, 404 unknown target
     * @throws InvalidInput empty or too long text, bad links
     */
    public Statement add(Account account, String kind, long targetId, String body, FormKey key) {
        Organisation org = verifiedOrganisation(account)
                .orElseThrow(() -> HttpError.forbidden("statement.error.not-verified"));
        String text = body == null ? "" : body.strip();
        Optional<String> linkProblem = MarkdownLinks.problem(text);
        new InvalidInput.Collector()
                .check(!text.isEmpty(), FIELD, "statement.error.empty")
                .check(text.length() <= MAX_BODY, FIELD, "statement.error.too-long")
                .check(linkProblem.isEmpty(), FIELD, linkProblem.orElse(""))
                .throwIfAny();
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, Statement.KIND, now);
            if (earlier.isPresent()) {
                return statements.byId(tx, earlier.getAsLong(), now).orElseThrow();
            }
            target(kind, targetId);
            long id = statements.insert(tx, new StatementRepository.NewStatement(kind, targetId, org.id(), text,
                    Markdown.toHtml(text), now));
            FormSubmissions.complete(tx, key, id);
            events.publish(tx, ContentEvent.Kind.STATEMENT, id, ContentEvent.Change.CREATED);
            return statements.byId(tx, id, now).orElseThrow();
        });
    }

    /**
     * A statement of a remote organisation (for the inbox, after its proof and attestation were
     * checked). The HTML is sanitised; the same one twice is stored once.
     */
    public long addRemote(StatementRepository.NewRemoteStatement s) {
        if (s.html() == null || s.html().length() > MAX_REMOTE_HTML || s.apId() == null || s.actor() == null) {
            throw HttpError.badRequest("comment.error.remote");
        }
        String profile = s.profileUrl() != null && s.profileUrl().toLowerCase(Locale.ROOT).matches("https?://.+")
                ? s.profileUrl() : null;
        String name = HtmlSanitizer.teaser(HtmlSanitizer.text(s.name() == null ? "" : s.name()), 120);
        StatementRepository.NewRemoteStatement clean = new StatementRepository.NewRemoteStatement(s.targetKind(),
                s.targetId(), s.actor(), name.isEmpty() ? s.actor() : name, profile, s.apId(),
                HtmlSanitizer.clean(s.html()), s.published() == null ? clock.instant() : s.published());
        return sql.inTransaction(tx -> {
            target(s.targetKind(), s.targetId());
            Optional<Long> id = statements.insertRemote(tx, clean, clock.instant());
            return id.orElseGet(() -> statements.idByApId(tx, s.apId()).orElseThrow());
        });
    }

    /** A Delete by a remote statement's author. */
    public Optional<Long> deleteRemote(String apId, String actor) {
        return sql.inTransaction(tx -> statements.softDeleteRemote(tx, apId, actor, clock.instant()));
    }

    /** Soft delete by the organisation that wrote it. @throws HttpError 403 someone else's, 410 deleted */
    public Statement delete(Account account, long id) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            Statement s = statements.byId(tx, id, now).orElseThrow(HttpError::notFound);
            Optional<Organisation> own = organisations.byAccount(tx, account.id());
            if (s.organisationId() == null || own.isEmpty() || own.get().id() != s.organisationId()) {
                throw HttpError.forbidden("statement.error.not-author");
            }
            if (!statements.softDelete(tx, id, now)) {
                throw new HttpError(Status.GONE_410, "statement.error.deleted");
            }
            events.publish(tx, ContentEvent.Kind.STATEMENT, id, ContentEvent.Change.DELETED);
            return s;
        });
    }

    /** @throws HttpError 404 unknown, 410 deleted */
    public Statement get(long id) {
        Statement s = statements.byId(sql, id, clock.instant()).orElseThrow(HttpError::notFound);
        if (s.deleted()) {
            throw new HttpError(Status.GONE_410, "statement.error.deleted");
        }
        return s;
    }

    /** The target's page, if it still exists. */
    public Optional<String> pathOf(String kind, long id) {
        return targets.find(sql, kind, id).map(CommentTarget::path);
    }

    /** @throws HttpError 404 if the target does not exist (or takes no statements) */
    public CommentTarget target(String kind, long id) {
        return targets.find(sql, kind, id).orElseThrow(HttpError::notFound);
    }
}
