package de.offenekommune.node.proposal;

import java.time.Instant;

/**
 * A proposal's supports and its goal: local and fediverse supports are counted apart.
 *
 * @param threshold the supports needed (fixed when the proposal was submitted)
 * @param deadline until when supports are collected
 * @param reachedAt when the threshold was first reached, null if not yet
 */
public record Supports(int local, int remote, int threshold, Instant deadline, Instant reachedAt) {

    public int total() {
        return local + remote;
    }

    public int missing() {
        return Math.max(0, threshold - total());
    }

    public boolean reached() {
        return reachedAt != null || total() >= threshold;
    }

    /** Progress for a progress bar, 0..100. */
    public int percent() {
        return threshold <= 0 ? 100 : Math.min(100, total() * 100 / threshold);
    }
}
