package de.offenekommune.federation.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The loop's contract, with a pause of an hour so that only the step's answer or a wake-up can start
 * a round (the awaits only bound how long a broken loop makes the test wait).
 */
class PollingLoopTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void runsAgainAtOnceWhileThereIsMoreThenWaitsForAWakeUp() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        Semaphore roundDone = new Semaphore(0);
        try (PollingLoop loop = new PollingLoop("test-more", HOUR, () -> {
            int n = rounds.incrementAndGet();
            roundDone.release();
            return n < 3; // three rounds of "more", then idle
        })) {
            loop.start();
            assertTrue(roundDone.tryAcquire(3, 10, TimeUnit.SECONDS), "three rounds without waiting");
            assertFalse(roundDone.tryAcquire(200, TimeUnit.MILLISECONDS), "then it waits");
            assertEquals(3, rounds.get());

            loop.wakeUp();
            assertTrue(roundDone.tryAcquire(10, TimeUnit.SECONDS), "a wake-up starts a round");
            assertEquals(4, rounds.get());
        }
    }

    @Test
    void aWakeUpDuringARoundIsNotLost() throws Exception {
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Semaphore roundDone = new Semaphore(0);
        AtomicInteger rounds = new AtomicInteger();
        try (PollingLoop loop = new PollingLoop("test-lost", HOUR, () -> {
            if (rounds.incrementAndGet() == 1) {
                inFirstRound.countDown();
                await(release);
            }
            roundDone.release();
            return false;
        })) {
            loop.start();
            assertTrue(inFirstRound.await(10, TimeUnit.SECONDS));
            loop.wakeUp(); // new work arrives while the first round still runs
            release.countDown();
            assertTrue(roundDone.tryAcquire(2, 10, TimeUnit.SECONDS), "the second round does not wait an hour");
        }
    }

    @Test
    void aFailingRoundDoesNotEndTheLoop() throws Exception {
        Semaphore attempts = new Semaphore(0);
        AtomicInteger rounds = new AtomicInteger();
        try (PollingLoop loop = new PollingLoop("test-fail", HOUR, () -> {
            attempts.release();
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone for a moment");
            }
            return false;
        })) {
            loop.start();
            assertTrue(attempts.tryAcquire(10, TimeUnit.SECONDS));
            loop.wakeUp();
            assertTrue(attempts.tryAcquire(10, TimeUnit.SECONDS), "the loop still runs after a failure");
            assertTrue(loop.running());
        }
    }

    @Test
    void startAfterPauseWaitsAndCloseStops() throws Exception {
        Semaphore roundDone = new Semaphore(0);
        PollingLoop loop = new PollingLoop("test-later", HOUR, () -> {
            roundDone.release();
            return false;
        });
        loop.startAfterPause();
        loop.startAfterPause(); // starting twice starts one thread
        assertFalse(roundDone.tryAcquire(200, TimeUnit.MILLISECONDS), "no round before the first pause");
        loop.wakeUp();
        assertTrue(roundDone.tryAcquire(10, TimeUnit.SECONDS));

        loop.close();
        assertFalse(loop.running());
        loop.wakeUp();
        assertFalse(roundDone.tryAcquire(200, TimeUnit.MILLISECONDS), "a closed loop runs no more rounds");
    }

    @Test
    void closeEndsAPauseAtOnce() {
        PollingLoop loop = new PollingLoop("test-close", HOUR, () -> false);
        loop.start();
        long before = System.nanoTime();
        loop.close();
        // Not a timing assertion on speed: an unclosed pause would block here for the join's five seconds.
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5), "close did not wait for the hour");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
