package de.offenekommune.node.organisation;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * Organisation accounts. An account becomes an organisation's account when its holder sets up the
 * organisation (after the normal registration with e-mail confirmation); it keeps its citizen
 * features, and the organisation gets its own actor. Verification is asked for afterwards.
 */
public final class OrganisationService {
    private static final Logger LOG = Logger.getLogger(OrganisationService.class.getName());
    public static final int MAX_NAME = 120;
    public static final int MAX_SUMMARY = 500;
    private static final int MAX_HANDLE = 60;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Sql sql;
    private final OrganisationRepository organisations;
    private final String townHandle;
    private final Clock clock;

    /** @param townHandle the town actor's handle, which no organisation's WebFinger handle may take */
    public OrganisationService(Sql sql, OrganisationRepository organisations, String townHandle, Clock clock) {
        this.sql = sql;
        this.organisations = organisations;
        this.townHandle = townHandle;
        this.clock = clock;
    }

    /**
     * Makes the account an organisation's account; a second call (a form sent twice) returns the first.
     *
     * @throws HttpError 403 for an unconfirmed account
     * @throws InvalidInput for a bad name or summary
     */
    public Organisation setUp(Account account, String name, String summary) {
        if (!account.confirmed()) {
            throw HttpError.forbidden("proposal.error.unconfirmed");
        }
        String n = name == null ? "" : name.strip();
        String s = summary == null ? "" : summary.strip();
        new InvalidInput.Collector()
                .check(n.length() >= 2 && n.length() <= MAX_NAME && !CONTROL.matcher(n).find(), "name",
                        "organisation.error.name")
                .check(s.length() <= MAX_SUMMARY && !CONTROL.matcher(s).find(), "summary", "form.error.too-long")
                .throwIfAny();
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            Optional<Organisation> existing = organisations.byAccount(tx, account.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            String base = handleOf(n);
            for (int i = 1; i <= 100; i++) {
                String candidate = i == 1 ? base : base + "-" + i;
                if ((Organisation.HANDLE_PREFIX + candidate).equals(townHandle)) {
                    continue;
                }
                Optional<Long> id = organisations.insert(tx, account.id(), candidate, n, s, now);
                if (id.isPresent()) {
                    LOG.info(() -> "Account " + account.id() + " set up organisation " + candidate);
                    return organisations.byId(tx, id.get()).orElseThrow();
                }
                Optional<Organisation> raced = organisations.byAccount(tx, account.id());
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            throw InvalidInput.of("name", "organisation.error.name-taken");
        });
    }

    public Optional<Organisation> ofAccount(Account account) {
        return organisations.byAccount(sql, account.id());
    }

    public Optional<Organisation> byHandle(String handle) {
        return organisations.byHandle(sql, handle);
    }

    public Optional<Organisation> byId(long id) {
        return organisations.byId(sql, id);
    }

    /** "Stadtwerke Musterstadt GmbH" becomes "stadtwerke-musterstadt-gmbh". */
    static String handleOf(String name) {
        String s = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > MAX_HANDLE - 4) {
            s = s.substring(0, MAX_HANDLE - 4).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "organisation" : s;
    }
}
