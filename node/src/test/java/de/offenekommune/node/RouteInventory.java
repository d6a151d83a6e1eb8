package de.offenekommune.node;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;

/**
 * Every route the node registers, read from the real wiring: {@link NodeApp#routing} runs against a
 * builder that records each method and path (with the prefixes services are mounted under) instead
 * of building a router. A route added anywhere shows up here without anyone listing it.
 */
final class RouteInventory {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch", "head", "options",
            "trace", "any");

    /**
     * A method and path pattern as registered, e.g. {@code GET /vorschlaege/{id}}; ANY for catch-alls;
     * with the service that registered it.
     */
    record Route(String method, String path, Class<?> service) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private RouteInventory() {
    }

    static List<Route> of(NodeApp.Components components) {
        List<Route> routes = new ArrayList<>();
        NodeApp.routing(recorder("", null, routes), components);
        return routes;
    }

    private static HttpRouting.Builder recorder(String prefix, Class<?> service, List<Route> routes) {
        return (HttpRouting.Builder) Proxy.newProxyInstance(RouteInventory.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    Object[] a = args == null ? new Object[0] : args;
                    if (name.equals("register") && a.length == 2 && a[0] instanceof String mount
                            && a[1] instanceof HttpService[] services) {
                        for (HttpService s : services) {
                            s.routing(recorder(join(prefix, mount), s.getClass(), routes));
                        }
                    } else if (name.equals("register") && a.length == 1 && a[0] instanceof HttpService[] services) {
                        for (HttpService s : services) {
                            s.routing(recorder(prefix, s.getClass(), routes));
                        }
                    } else if (name.equals("register")) {
                        throw new IllegalStateException("register with suppliers is not recorded: " + method);
                    } else if (METHODS.contains(name)) {
                        String path = a.length > 0 && a[0] instanceof String p ? join(prefix, p) : join(prefix, "/*");
                        routes.add(new Route(name.toUpperCase(Locale.ROOT), path, service));
                    } else if (name.equals("route")) {
                        throw new IllegalStateException("route(...) is not recorded: " + method);
                    }
                    return method.getReturnType().isInstance(proxy) ? proxy : null;
                });
    }

    private static String join(String prefix, String path) {
        if (path.equals("/") || path.isEmpty()) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        return prefix.equals("/") ? path : prefix + path;
    }
}
