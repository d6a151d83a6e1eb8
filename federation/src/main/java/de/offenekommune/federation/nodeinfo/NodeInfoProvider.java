package de.offenekommune.federation.nodeinfo;

/** Implemented by the application: the current figures (called per request; cache if they are costly). */
@FunctionalInterface
public interface NodeInfoProvider {
    NodeInfo current();
}
