package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

import de.offenekommune.federation.work.PollingLoop;
import de.offenekommune.node.web.InvalidInput;

/**
 * Follows handles the node should follow without an admin clicking: {@code neighbours.follow} and
 * the region's members. The other node may not be up yet (all three towns of the example start
 * together), so whatever could not be reached is tried again every {@code retryInterval} until it is.
 */
public final class ConfiguredFollows implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConfiguredFollows.class.getName());

    /**
     * A handle to follow; {@code linked} gets the neighbour once followed (or found followed already),
     * {@code failed} the message key of why it could not be reached this time.
     */
    public record Want(String handle, Consumer<Neighbour> linked, Consumer<String> failed) {
    }

    private final NeighbourService neighbours;
    private final List<Supplier<List<Want>>> sources = new CopyOnWriteArrayList<>();
    private final PollingLoop loop;
    private volatile boolean closed;

    public ConfiguredFollows(NeighbourService neighbours, Duration retryInterval) {
        this.neighbours = neighbours;
        this.loop = new PollingLoop("configured-follows", retryInterval, () -> {
            runOnce();
            return false;
        });
    }

    /** Configured neighbour handles not followed yet. */
    public static Supplier<List<Want>> neighbours(NeighbourService neighbours, List<String> handles) {
        return () -> {
            var followed = neighbours.followedHandles();
            return handles.stream().map(NeighbourService::normalise)
                    .filter(h -> !followed.contains(h.toLowerCase(java.util.Locale.ROOT)))
                    .map(h -> new Want(h, n -> LOG.info(() -> "Following configured neighbour " + h),
                            reason -> LOG.fine(() -> h + " not reached yet: " + reason)))
                    .toList();
        };
    }

    public void register(Supplier<List<Want>> source) {
        sources.add(source);
    }

    public void start() {
        if (!sources.isEmpty()) {
            loop.start();
        }
    }

    /** Tries every wanted handle once; returns how many are followed now. */
    public int runOnce() {
        int linked = 0;
        for (Supplier<List<Want>> source : sources) {
            for (Want w : source.get()) {
                if (closed) {
                    return linked;
                }
                try {
                    Neighbour n = switch (neighbours.followHandle(w.handle())) {
                        case NeighbourService.FollowResult.Followed f -> f.neighbour();
                        case NeighbourService.FollowResult.AlreadyFollowed a -> a.neighbour();
                    };
                    w.linked().accept(n);
                    linked++;
                } catch (InvalidInput e) {
                    w.failed().accept(e.fields().values().stream().findFirst().orElse("neighbours.error.unknown"));
                }
            }
        }
        return linked;
    }

    /** Tries again now (an admin added a member). */
    public void wakeUp() {
        loop.wakeUp();
    }

    @Override
    public void close() {
        closed = true;
        loop.close();
    }
}
