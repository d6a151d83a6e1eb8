package de.offenekommune.node.activitypub.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.inbox.BlockList;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * The node's federation policy, decided by admins: a blocked server (with its subdomains) or a
 * blocked actor gets nothing from the node (no deliveries, not fetched for an audience), its inbox
 * posts are refused with 403, and it no longer follows anyone here. Every decision is logged with
 * the admin's account.
 */
public final class BlockService {
    public static final int MAX_REASON = 500;
    private static final Logger LOG = Logger.getLogger(BlockService.class.getName());
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public enum Kind {
        DOMAIN, ACTOR;

        /** The form and storage name ({@code domain}, {@code actor}). */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String value) {
            for (Kind k : values()) {
                if (k.value().equals(value)) {
                    return k;
                }
            }
            throw InvalidInput.of("kind", "blocks.error.kind");
        }
    }

    private final BlockList blocks;
    private final Followers followers;
    private final String ownHost;

    public BlockService(BlockList blocks, Followers followers, String ownHost) {
        this.blocks = blocks;
        this.followers = followers;
        this.ownHost = ownHost.toLowerCase(Locale.ROOT);
    }

    public List<BlockList.Block> list(Account admin) {
        requireAdmin(admin);
        return blocks.list();
    }

    /** @return the normalised value that was blocked */
    public String block(Account admin, String kind, String value, String reason) {
        requireAdmin(admin);
        Kind k = Kind.of(kind);
        String r = reason == null ? "" : reason.strip();
        // Both fields are checked, so the form shows every error at once.
        Map<String, String> errors = new LinkedHashMap<>();
        String v = null;
        try {
            v = k == Kind.DOMAIN ? domain(value) : actor(value);
        } catch (InvalidInput e) {
            errors.putAll(e.fields());
        }
        if (r.isEmpty() || r.length() > MAX_REASON) {
            errors.put("reason", "blocks.error.reason");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return apply(admin, k, v, r);
    }

    private String apply(Account admin, Kind k, String v, String r) {
        int removed;
        if (k == Kind.DOMAIN) {
            blocks.blockDomain(v, r);
            removed = followers.removeFromDomain(v);
        } else {
            blocks.blockActor(v, r);
            removed = followers.removeRemoteActor(v);
        }
        LOG.info(() -> "Admin account " + admin.id() + " blocked " + k.value() + " " + v + " (" + r + "); "
                + removed + " follower(s) removed");
        return v;
    }

    public void unblock(Account admin, String kind, String value) {
        requireAdmin(admin);
        Kind k = Kind.of(kind);
        String v = value == null ? "" : value.strip();
        if (k == Kind.DOMAIN) {
            blocks.unblockDomain(v);
        } else {
            blocks.unblockActor(v);
        }
        LOG.info(() -> "Admin account " + admin.id() + " lifted the block of " + k.value() + " " + v);
    }

    /** A host name as typed ("social.example", "@social.example", "https://social.example/about"), normalised. */
    String domain(String typed) {
        String d = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (d.contains("://")) {
            d = Origin.isHttpUrl(d) ? Origin.hostOf(d) : "";
        }
        while (d.startsWith("@") || d.startsWith("*.")) {
            d = d.substring(d.startsWith("@") ? 1 : 2);
        }
        String ascii;
        try {
            ascii = BlockList.normaliseDomain(d);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("value", "blocks.error.domain");
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2) {
            throw InvalidInput.of("value", "blocks.error.domain");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw InvalidInput.of("value", "blocks.error.domain");
            }
        }
        if (ascii.equals(ownHost) || ownHost.endsWith("." + ascii)) {
            throw InvalidInput.of("value", "blocks.error.own");
        }
        return ascii;
    }

    /** An actor's id: an http(s) URL of another server. */
    String actor(String typed) {
        String a = typed == null ? "" : typed.strip();
        if (a.length() > 2000 || !Origin.isHttpUrl(a)) {
            throw InvalidInput.of("value", "blocks.error.actor");
        }
        if (Origin.hostOf(a).equals(ownHost)) {
            throw InvalidInput.of("value", "blocks.error.own");
        }
        return a;
    }

    private static void requireAdmin(Account account) {
        if (account == null || !account.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }
}
