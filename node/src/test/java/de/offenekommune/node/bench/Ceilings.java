package de.offenekommune.node.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Rsa;

/**
 * Ceilings measured on all cores in the driver, in the same run as the scenario they bound: the
 * cryptography the node cannot avoid, with the same JDK and provider the node uses.
 */
final class Ceilings {
    private static final byte[] SIGNING_INPUT = ("\"@method\": POST\n\"@target-uri\": https://h1.example/inbox\n"
            + "\"content-digest\": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\n"
            + "\"@signature-params\": (\"@method\" \"@target-uri\" \"content-digest\");created=1795000000;"
            + "keyid=\"https://town.example/kommune#main-key\"").getBytes();

    private final KeyPair rsa = Rsa.generate();
    private final Ed25519.PrivateKey ed25519 = Ed25519.generate();

    /** RSA-2048 PKCS#1 v1.5 SHA-256 signatures per second (what every delivery costs), one thread per core. */
    double rsaSignsPerSecond(Duration time) {
        return allCores(time, i -> {
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(rsa.getPrivate());
                s.update(SIGNING_INPUT);
                return s.sign().length > 0;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Ed25519 signatures per second (BouncyCastle, as the node signs RFC 9421 Ed25519), one thread per core. */
    double ed25519SignsPerSecond(Duration time) {
        return allCores(time, i -> ed25519.sign(SIGNING_INPUT).length == 64);
    }

    /** Runs {@code operation} on every core until the time is up; returns operations per second. */
    static double allCores(Duration time, IntPredicate operation) {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + time.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(Thread.ofPlatform().start(() -> {
                long n = 0;
                for (int i = offset; System.nanoTime() < end; i += threads) {
                    if (operation.test(i)) {
                        n++;
                    }
                }
                done.addAndGet(n);
            }));
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
