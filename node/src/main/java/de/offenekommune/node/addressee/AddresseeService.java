package de.offenekommune.node.addressee;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.db.FormSubmissions;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.FormKey;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/** Staff keep the list of addressees; citizens choose from the active ones. */
public final class AddresseeService {
    private static final Logger LOG = Logger.getLogger(AddresseeService.class.getName());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    public static final int MAX_NAME = 150;
    public static final int MAX_DESCRIPTION = 500;

    private final Sql sql;
    private final AddresseeRepository addressees;
    private final Clock clock;

    public AddresseeService(Sql sql, AddresseeRepository addressees, Clock clock) {
        this.sql = sql;
        this.addressees = addressees;
        this.clock = clock;
    }

    /** What the staff form sends; {@code account} is a user name or e-mail address, empty for none. */
    public record Input(String name, String kind, String description, String email, String account) {
    }

    /** @throws InvalidInput bad fields, a taken name or an unknown account */
    public long create(Account actor, Input input) {
        return create(actor, input, null);
    }

    /** @param key the form's one-time key: a repeat returns the addressee the first POST created */
    public long create(Account actor, Input input, FormKey key) {
        actor(actor);
        return sql.inTransaction(tx -> {
            OptionalLong earlier = FormSubmissions.claim(tx, key, "addressee", clock.instant());
            if (earlier.isPresent()) {
                return earlier.getAsLong();
            }
            AddresseeRepository.Fields f = validate(tx, input);
            long id = addressees.insert(tx, f).orElseThrow(() -> InvalidInput.of("name", "addressee.error.name-taken"));
            FormSubmissions.complete(tx, key, id);
            LOG.info(() -> "Addressee " + id + " created by account " + actor.id());
            return id;
        });
    }

    /** @throws HttpError 404 for an unknown id; InvalidInput as for create */
    public void update(Account actor, long id, Input input) {
        actor(actor);
        sql.runInTransaction(tx -> {
            addressees.byId(tx, id).orElseThrow(HttpError::notFound);
            if (!addressees.update(tx, id, validate(tx, input))) {
                throw InvalidInput.of("name", "addressee.error.name-taken");
            }
        });
    }

    /** Deactivated addressees stay on their proposals but are no longer offered. */
    public void setActive(Account actor, long id, boolean active) {
        actor(actor);
        if (!addressees.setActive(sql, id, active)) {
            throw HttpError.notFound();
        }
    }

    public List<Addressee> all() {
        return addressees.all(sql);
    }

    public List<Addressee> active() {
        return addressees.active(sql);
    }

    public Optional<Addressee> byId(long id) {
        return addressees.byId(sql, id);
    }

    private static void actor(Account actor) {
        if (!actor.is(Role.STAFF)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }

    private AddresseeRepository.Fields validate(Sql tx, Input in) {
        String name = in.name() == null ? "" : in.name().strip();
        String description = in.description() == null ? "" : in.description().strip();
        String email = in.email() == null ? "" : in.email().strip();
        String account = in.account() == null ? "" : in.account().strip();
        AddresseeKind kind = AddresseeKind.parse(in.kind());
        Optional<Long> accountId = account.isEmpty() ? Optional.empty() : addressees.accountId(tx, account);
        new InvalidInput.Collector()
                .check(name.length() >= 2 && name.length() <= MAX_NAME, "name", "addressee.error.name")
                .check(kind != null, "kind", "addressee.error.kind")
                .check(description.length() <= MAX_DESCRIPTION, "description", "form.error.too-long")
                .check(email.isEmpty() || email.length() <= 254 && EMAIL.matcher(email).matches(), "email",
                        "account.error.email")
                .check(account.isEmpty() || accountId.isPresent(), "account", "addressee.error.account")
                .throwIfAny();
        return new AddresseeRepository.Fields(name, kind, description, email.isEmpty() ? null : email,
                accountId.orElse(null));
    }
}
