package de.offenekommune.node.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.mail.Mail;
import de.offenekommune.node.mail.MailOutbox;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Messages;

/** Registration, confirmation, login, password reset and roles: the rules, each in one transaction. */
public final class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_]{3,30}$");
    static final Duration CONFIRM_VALIDITY = Duration.ofDays(3);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;

    private final Sql sql;
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final MailOutbox mail;
    private final NodeConfig config;
    private final Clock clock;
    private final CompletableFuture<String> dummyHash;

    public AccountService(Sql sql, AccountRepository accounts, SessionRepository sessions, PasswordHasher hasher,
                          MailOutbox mail, NodeConfig config, Clock clock) {
        this.sql = sql;
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
        // Checked against when the e-mail is unknown, so both cases take the same time. Made in the
        // background: an Argon2id hash is a quarter of the node's start time otherwise.
        this.dummyHash = CompletableFuture.supplyAsync(() -> hasher.hash(Tokens.random()),
                task -> Thread.ofVirtual().name("dummy-password-hash").start(task));
    }

    public record Registration(String email, String displayName, String username, String password, Locale locale) {
    }

    /**
     * Creates an unconfirmed citizen account and mails the confirmation link. A taken e-mail address
     * is not revealed to the form: its owner gets a mail instead, and nothing else changes.
     *
     * @throws InvalidInput for malformed fields or a taken user name
     */
    public void register(Registration r) {
        String email = r.email() == null ? "" : r.email().trim();
        String name = r.displayName() == null ? "" : r.displayName().trim();
        String username = r.username() == null ? "" : r.username().trim().toLowerCase(Locale.ROOT);
        String password = r.password() == null ? "" : r.password();
        new InvalidInput.Collector()
                .check(email.length() <= 254 && EMAIL.matcher(email).matches(), "email", "account.error.email")
                .check(!name.isEmpty() && name.length() <= 80, "displayName", "account.error.display-name")
                .check(USERNAME.matcher(username).matches(), "username", "account.error.username")
                .check(!username.equals(config.handle()), "username", "account.error.username-taken")
                .check(password.length() >= MIN_PASSWORD, "password", "account.error.password-short")
                .check(password.length() <= MAX_PASSWORD, "password", "account.error.password-long")
                .throwIfAny();
        Locale locale = Messages.supported(r.locale());
        String hash = hasher.hash(password);
        sql.runInTransaction(tx -> {
            Optional<Account> existing = accounts.byEmail(tx, email);
            if (existing.isPresent()) {
                Messages m = Messages.of(Locale.forLanguageTag(existing.get().locale()));
                mail.enqueue(tx, new Mail(existing.get().email(), m.get("mail.duplicate.subject", config.name()),
                        m.get("mail.duplicate.body", existing.get().displayName(), config.url("/anmelden"),
                                config.url("/passwort-vergessen"))));
                return;
            }
            long id = accounts.insert(tx, email, name, username, hash, Role.CITIZEN, locale.getLanguage(), null)
                    .orElseThrow(() -> InvalidInput.of("username", "account.error.username-taken"));
            sendConfirmation(tx, id, email, name, locale);
        });
    }

    private void sendConfirmation(Sql tx, long accountId, String email, String name, Locale locale) {
        String token = Tokens.random();
        accounts.insertToken(tx, Tokens.hash(token), accountId, "CONFIRM", clock.instant().plus(CONFIRM_VALIDITY));
        Messages m = Messages.of(locale);
        mail.enqueue(tx, new Mail(email, m.get("mail.confirm.subject", config.name()),
                m.get("mail.confirm.body", name, config.url("/bestaetigen?token=" + token), config.name())));
    }

    /** @return the confirmed account; empty if the link is unknown, used or expired */
    public Optional<Account> confirm(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sql.inTransaction(tx -> accounts.useToken(tx, Tokens.hash(token), "CONFIRM", now).flatMap(id -> {
            accounts.confirm(tx, id, now);
            return accounts.byId(tx, id);
        }));
    }

    /** The outcome of a login attempt, for the page to phrase. */
    public sealed interface LoginResult {
        record Success(Account account) implements LoginResult {
        }

        record WrongCredentials() implements LoginResult {
        }

        record Unconfirmed(Account account) implements LoginResult {
        }
    }

    public LoginResult login(String email, String password) {
        if (email == null || password == null || email.length() > 254 || password.length() > MAX_PASSWORD) {
            return new LoginResult.WrongCredentials();
        }
        Optional<AccountRepository.Credentials> found = accounts.credentials(sql, email.trim());
        boolean ok = hasher.verify(password, found.map(AccountRepository.Credentials::passwordHash).orElseGet(dummyHash::join));
        if (found.isEmpty() || !ok) {
            return new LoginResult.WrongCredentials();
        }
        Account account = found.get().account();
        return account.confirmed() ? new LoginResult.Success(account) : new LoginResult.Unconfirmed(account);
    }

    /** Always looks the same to the requester; mails a link only if the account exists. */
    public void requestPasswordReset(String email) {
        if (email == null || email.length() > 254) {
            return;
        }
        sql.runInTransaction(tx -> {
            accounts.byEmail(tx, email.trim()).ifPresent(a -> {
                String token = Tokens.random();
                accounts.insertToken(tx, Tokens.hash(token), a.id(), "RESET", clock.instant().plus(RESET_VALIDITY));
                Messages m = Messages.of(Locale.forLanguageTag(a.locale()));
                mail.enqueue(tx, new Mail(a.email(), m.get("mail.reset.subject", config.name()),
                        m.get("mail.reset.body", a.displayName(), config.url("/passwort-neu?token=" + token))));
            });
        });
    }

    /** Sets a new password from a reset link and ends every session of the account. */
    public boolean resetPassword(String token, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw InvalidInput.of("password", "account.error.password-short");
        }
        if (password.length() > MAX_PASSWORD) {
            throw InvalidInput.of("password", "account.error.password-long");
        }
        if (token == null || token.length() > 100) {
            return false;
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> accounts.useToken(tx, Tokens.hash(token), "RESET", now).map(id -> {
            accounts.setPassword(tx, id, hash);
            accounts.confirm(tx, id, now); // the link proved control of the address
            sessions.deleteAllOf(tx, id);
            return true;
        }).orElse(false));
    }

    /** Re-sends the confirmation link (after an unconfirmed login). */
    public void resendConfirmation(Account account) {
        if (!account.confirmed()) {
            sql.runInTransaction(tx -> sendConfirmation(tx, account.id(), account.email(), account.displayName(),
                    Locale.forLanguageTag(account.locale())));
        }
    }

    /**
     * Changes a role. The last admin cannot lose the role, so a node always has someone to run it.
     *
     * @throws HttpError 404 unknown account, 409 last admin
     */
    public void setRole(Account actor, long accountId, Role role) {
        if (!actor.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
        sql.runInTransaction(tx -> changeRole(tx, accountId, role, "account " + actor.id()));
    }

    private void changeRole(Sql tx, long accountId, Role role, String by) {
        Account target = accounts.byId(tx, accountId).orElseThrow(HttpError::notFound);
        if (target.role() == Role.ADMIN && role != Role.ADMIN && accounts.countAdmins(tx) <= 1) {
            throw HttpError.conflict("admin.roles.error.last-admin");
        }
        accounts.setRole(tx, accountId, role);
        LOG.info(() -> "Role of account " + accountId + " set to " + role + " by " + by);
    }

    /**
     * Changes a role on the word of the node's operator (admin CLI, shell access to the server): the
     * same rule as {@link #setRole}.
     *
     * @throws HttpError 404 unknown e-mail address, 409 last admin
     */
    public Account setRoleByOperator(String email, Role role) {
        return sql.inTransaction(tx -> {
            Account target = accounts.byEmail(tx, email.trim()).orElseThrow(HttpError::notFound);
            changeRole(tx, target.id(), role, "the operator (admin CLI)");
            return accounts.byId(tx, target.id()).orElseThrow();
        });
    }

    /**
     * Sets a password chosen by the operator (admin CLI): the address counts as confirmed and every
     * session of the account ends, as after a reset link.
     *
     * @throws HttpError 404 unknown e-mail address
     */
    public Account setPasswordByOperator(String email, String password) {
        if (password.length() < MIN_PASSWORD) {
            throw InvalidInput.of("password", "account.error.password-short");
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            Account target = accounts.byEmail(tx, email.trim()).orElseThrow(HttpError::notFound);
            accounts.setPassword(tx, target.id(), hash);
            accounts.confirm(tx, target.id(), now);
            sessions.deleteAllOf(tx, target.id());
            LOG.info(() -> "Password of account " + target.id() + " set by the operator (admin CLI)");
            return accounts.byId(tx, target.id()).orElseThrow();
        });
    }

    /** Creates a confirmed account directly (admin CLI, demo seed); the same rules as registration. */
    public Account createConfirmed(String email, String displayName, String username, String password, Role role) {
        new InvalidInput.Collector()
                .check(EMAIL.matcher(email).matches(), "email", "account.error.email")
                .check(USERNAME.matcher(username).matches(), "username", "account.error.username")
                .check(!username.equals(config.handle()), "username", "account.error.username-taken")
                .check(password.length() >= MIN_PASSWORD, "password", "account.error.password-short")
                .throwIfAny();
        String hash = hasher.hash(password);
        return sql.inTransaction(tx -> {
            long id = accounts.insert(tx, email, displayName, username, hash, role, "de", clock.instant())
                    .orElseThrow(() -> InvalidInput.of("email", "account.error.taken"));
            return accounts.byId(tx, id).orElseThrow();
        });
    }

    /** Admins and staff, admins first. */
    public java.util.List<Account> staff() {
        return accounts.staff(sql);
    }

    public Optional<Account> byId(long id) {
        return accounts.byId(sql, id);
    }

    public Optional<Account> byEmail(String email) {
        return accounts.byEmail(sql, email);
    }
}
