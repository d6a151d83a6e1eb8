package de.offenekommune.node.admin;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.AccountRepository;
import de.offenekommune.node.account.AccountService;
import de.offenekommune.node.account.PasswordHasher;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.SessionRepository;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Database;
import de.offenekommune.node.db.DatabaseStartException;
import de.offenekommune.node.mail.LogMailSender;
import de.offenekommune.node.mail.MailOutbox;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Messages;

/**
 * The operator's commands ({@code bin/offenekommune admin ...}), for what the web UI cannot do by
 * itself: the first admin of a new node, a locked-out admin, roles when no admin is left to give them.
 * Whoever runs it has shell access to the server and its configuration, so it needs no login. It uses
 * the same account rules as the web UI; passwords it makes are printed once and stored only as hashes.
 */
public final class AdminCli {
    public static final String USAGE = """
            usage: bin/offenekommune admin <command> [--config file.yaml]
              create-admin <e-mail> <display name> [<user name>]
                                      a confirmed admin account with a new password (printed once)
              reset-password <e-mail> a new password (printed once); every session of the account ends
              set-role <e-mail> <citizen|staff|admin>
                                      changes a role; the last admin keeps theirs
              list-staff              admins and staff with their e-mail addresses
            With the embedded database, stop the node first (both need its data directory).""";

    private final AccountService accounts;
    private final Messages messages;
    private final PrintStream out;
    private final PrintStream err;

    AdminCli(AccountService accounts, Locale locale, PrintStream out, PrintStream err) {
        this.accounts = accounts;
        this.messages = Messages.of(locale);
        this.out = out;
        this.err = err;
    }

    /** Opens the node's database (migrating it, as a start would), runs one command; returns the exit code. */
    public static int run(NodeConfig config, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try (Database database = Database.start(config)) {
            database.migrate();
            Clock clock = Clock.systemUTC();
            // The CLI sends no mail: nothing it does mails anyone, and the node's outbox worker is not running.
            MailOutbox mail = new MailOutbox(database.sql(), new LogMailSender(), config.mail().from(), clock);
            AccountService accounts = new AccountService(database.sql(), new AccountRepository(),
                    new SessionRepository(), new PasswordHasher(), mail, config, clock);
            return new AdminCli(accounts, config.defaultLocale(), out, err).execute(args);
        } catch (DatabaseStartException e) {
            err.println("Cannot open the database: " + e.getMessage());
            return 2;
        }
    }

    int execute(List<String> args) {
        String command = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "create-admin" -> rest.size() == 2 || rest.size() == 3 ? createAdmin(rest) : usage();
                case "reset-password" -> rest.size() == 1 ? resetPassword(rest.getFirst()) : usage();
                case "set-role" -> rest.size() == 2 ? setRole(rest.get(0), rest.get(1)) : usage();
                case "list-staff" -> rest.isEmpty() ? listStaff() : usage();
                default -> usage();
            };
        } catch (InvalidInput e) {
            e.fields().forEach((field, key) -> err.println(field + ": " + messages.get(key)));
            return 1;
        } catch (HttpError e) {
            err.println(e.status().code() == 404 ? "No account with this e-mail address."
                    : messages.get(e.messageKey(), e.args()));
            return 1;
        }
    }

    private int createAdmin(List<String> args) {
        String email = args.get(0).trim();
        String username = args.size() == 3 ? args.get(2) : usernameFrom(email);
        String password = Tokens.random().substring(0, 20);
        Account admin = accounts.createConfirmed(email, args.get(1).trim(), username, password, Role.ADMIN);
        out.println("Admin account created: " + admin.email() + " (user name " + admin.username() + ")");
        out.println("Password (shown only now; change it after the first login): " + password);
        return 0;
    }

    private int resetPassword(String email) {
        String password = Tokens.random().substring(0, 20);
        Account account = accounts.setPasswordByOperator(email, password);
        out.println("New password for " + account.email() + " (shown only now): " + password);
        out.println("Every session of the account has ended.");
        return 0;
    }

    private int setRole(String email, String roleName) {
        Role role;
        try {
            role = Role.parse(roleName);
        } catch (IllegalArgumentException e) {
            err.println("Unknown role " + roleName + ": citizen, staff or admin.");
            return 2;
        }
        Account account = accounts.setRoleByOperator(email, role);
        out.println(account.email() + " is now " + account.role().name().toLowerCase(Locale.ROOT) + ".");
        return 0;
    }

    private int listStaff() {
        List<Account> staff = accounts.staff();
        if (staff.isEmpty()) {
            out.println("No admins or staff yet: create the first admin with create-admin.");
        }
        for (Account a : staff) {
            out.println(a.role().name().toLowerCase(Locale.ROOT) + "\t" + a.email() + "\t" + a.username() + "\t"
                    + a.displayName());
        }
        return 0;
    }

    private int usage() {
        err.println(USAGE);
        return 2;
    }

    /** The user name the web form would suggest: the address's local part in the allowed letters. */
    static String usernameFrom(String email) {
        int at = email.indexOf('@');
        String local = (at > 0 ? email.substring(0, at) : email).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        String name = local.length() > 30 ? local.substring(0, 30) : local;
        return name.length() < 3 ? name + "_admin" : name;
    }
}
