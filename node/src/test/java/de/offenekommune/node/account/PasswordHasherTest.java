package de.offenekommune.node.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idWithSaltAndVerify() {
        String a = hasher.hash("korrekt-pferd-batterie");
        String b = hasher.hash("korrekt-pferd-batterie");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "a fresh salt every time");
        assertTrue(hasher.verify("korrekt-pferd-batterie", a));
        assertFalse(hasher.verify("korrekt-pferd-batteriE", a));
    }

    @Test
    void olderParametersStillVerify() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("alt");
        assertTrue(hasher.verify("alt", cheap));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA",
                "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=1024,t=1,p=1$!!$AAAA"}) {
            assertFalse(hasher.verify("x", bad), bad);
        }
    }
}
