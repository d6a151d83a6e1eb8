package de.offenekommune.node.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchroniser tokens without server state: HMAC(node secret, binding), where the binding is the
 * session (signed in) or a random anonymous cookie. A token from one visitor is useless for another,
 * and every node process that shares the database (and so the secret) accepts it.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    private final byte[] secret;

    public Csrf(byte[] secret) {
        this.secret = secret.clone();
    }

    public String token(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal(("csrf|" + binding).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String binding, String presented) {
        if (binding == null || binding.isEmpty() || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token(binding).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
