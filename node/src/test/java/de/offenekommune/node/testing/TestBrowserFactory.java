package de.offenekommune.node.testing;

import java.net.URI;

/** Browsers for nodes not started through {@link TestNode} (e.g. the embedded-database start test). */
public final class TestBrowserFactory {
    public TestBrowser at(URI base) {
        return new TestBrowser(base);
    }
}
