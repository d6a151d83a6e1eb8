package de.offenekommune.node.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a run does and how big it is.
 *
 * @param scenarios which of fanout, inbox, pages, start to run
 * @param jfr       record a JFR profile of every node process (in the work directory)
 * @param nodeJvm   further options of the node processes (the smoke test starts them with C1 only, faster)
 */
record BenchOptions(Sizes sizes, Set<String> scenarios, boolean jfr, Path workDir, List<String> nodeJvm) {

    /**
     * @param rounds         rounds per figure (median, min, max)
     * @param followers      followers of the town in the fan-out
     * @param hosts          servers they are on (one shared inbox each: one delivery per host)
     * @param proposals      proposals in the town (the list page, Like targets)
     * @param comments       comments on the project page
     * @param inboxActors    remote actors posting to the inbox
     * @param inboxPerStep   activities per concurrency step and per round of the inbox
     * @param inboxLevels    concurrencies of the inbox ramp
     * @param overloadTime   how long twice the saturation load is offered
     * @param pageWarmUp     load before each page measurement (not counted)
     * @param pageTime       each page measurement
     * @param restarts       extra start/stop cycles for the start time
     * @param ceilingTime    each measurement of a cryptographic ceiling
     */
    record Sizes(int rounds, int followers, int hosts, int proposals, int comments, int inboxActors, int inboxPerStep,
                 List<Integer> inboxLevels, Duration overloadTime, Duration pageWarmUp, Duration pageTime, int restarts,
                 Duration ceilingTime) {

        static Sizes full() {
            return new Sizes(3, 10_000, 1_000, 10_000, 200, 200, 3_000, List.of(1, 4, 16, 64), Duration.ofSeconds(4),
                    Duration.ofSeconds(1), Duration.ofSeconds(4), 3, Duration.ofMillis(1500));
        }

        /** Same scenarios, smaller and one round: minutes instead of a quarter of an hour. */
        static Sizes quick() {
            return new Sizes(1, 2_000, 200, 1_000, 200, 40, 1_500, List.of(4, 16, 64), Duration.ofSeconds(2),
                    Duration.ofMillis(500), Duration.ofSeconds(2), 1, Duration.ofMillis(1000));
        }

        /** For the smoke test: every code path once, nothing measured seriously. */
        static Sizes tiny() {
            return new Sizes(1, 40, 8, 60, 10, 10, 40, List.of(2), Duration.ofMillis(300), Duration.ofMillis(50),
                    Duration.ofMillis(150), 0, Duration.ofMillis(100));
        }
    }

    static final Set<String> ALL = Set.of("start", "pages", "inbox", "fanout");
}
