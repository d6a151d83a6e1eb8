package de.offenekommune.node.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.account.PasswordHasher;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * Deletes an account (DSGVO Art. 17) in one transaction: sessions, tokens, mails and the personal
 * fields go; contributions follow {@link ErasureRepository}'s rule; the account's actor (and its
 * organisation's) is announced as deleted. The person confirms with their password; an admin acting
 * on a written request confirms with their own. The last admin cannot be deleted.
 */
public final class AccountDeletion {
    private static final Logger LOG = Logger.getLogger(AccountDeletion.class.getName());
    static final String FORM_KIND = "account-deletion";

    private final Sql sql;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final ErasureRepository erasure;
    private final ActorDeletions actors;
    private final NodeUris uris;
    private final Clock clock;

    public AccountDeletion(Sql sql, AccountRepository accounts, PasswordHasher hasher, ActorDeletions actors,
                           NodeUris uris, Clock clock) {
        this.sql = sql;
        this.accounts = accounts;
        this.hasher = hasher;
        this.erasure = new ErasureRepository();
        this.actors = actors;
        this.uris = uris;
        this.clock = clock;
    }

    /** What was done, for the log and the admin's page. */
    public record Deleted(long accountId, long keptComments, long removedComments, long keptProposals,
                          long removedProposals, boolean announced) {
    }

    /**
     * @param confirming who confirms with their password: the account itself, or an admin
     * @throws InvalidInput wrong password (400, field {@code password}); nothing is changed
     * @throws HttpError 403 someone else's account without being admin, 404 unknown or already deleted,
     *                   409 the last admin
     */
    public Deleted delete(Account confirming, long accountId, String password, FormKey key) {
        if (confirming.id() != accountId && !confirming.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
        checkPassword(confirming, password);
        Instant now = clock.instant();
        Deleted done = sql.inTransaction(tx -> {
            if (FormSubmissions.claim(tx, key, FORM_KIND, now).isPresent()) {
                throw HttpError.conflict("form.error.form-key-used");
            }
            ErasureRepository.Locked a = erasure.lock(tx, accountId).orElseThrow(HttpError::notFound);
            if (a.role() == Role.ADMIN && erasure.otherAdmins(tx, a.id()) == 0) {
                throw HttpError.conflict("privacy.delete.error.last-admin");
            }
            ErasureRepository.Counts counts = erasure.contributions(tx, a.id(), now);
            erasure.personalRecords(tx, a);
            boolean announced = actors.deleted(tx, uris.person(a.username()));
            var organisation = erasure.organisation(tx, a.id(), now);
            if (organisation.isPresent()) {
                announced |= actors.deleted(tx, uris.base() + "/organisationen/" + organisation.get());
            }
            erasure.anonymise(tx, a.id(), now);
            return new Deleted(a.id(), counts.keptComments(), counts.removedComments(), counts.keptProposals(),
                    counts.removedProposals(), announced);
        });
        LOG.info(() -> "Account " + accountId + " deleted" + (confirming.id() == accountId ? " by its holder"
                : " by admin account " + confirming.id()) + ": " + done);
        return done;
    }

    private void checkPassword(Account confirming, String password) {
        if (password == null || password.isEmpty() || password.length() > 200) {
            throw InvalidInput.of("password", "privacy.delete.error.password");
        }
        String hash = accounts.credentials(sql, confirming.email())
                .map(AccountRepository.Credentials::passwordHash).orElse("");
        if (hash.isEmpty() || !hasher.verify(password, hash)) {
            throw InvalidInput.of("password", "privacy.delete.error.password");
        }
    }
}
