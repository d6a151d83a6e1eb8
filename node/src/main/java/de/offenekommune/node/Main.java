package de.offenekommune.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

import de.offenekommune.node.admin.AdminCli;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.DatabaseStartException;

/**
 * Starts a node: {@code java -jar offenekommune-node.jar [--demo] [--config file.yaml]}, or runs an
 * operator's command: {@code java -jar offenekommune-node.jar admin <command> ...}. Configuration
 * comes from system properties, environment variables, the given file and the built-in
 * {@code application.yaml}, in that order of precedence.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        if (args.length > 0 && args[0].equals("admin")) {
            admin(args);
            return;
        }
        Config config = config(args);
        NodeConfig nodeConfig = NodeConfig.from(config);
        NodeApp app;
        try {
            app = NodeApp.start(nodeConfig);
        } catch (DatabaseStartException e) {
            System.err.println("OffeneKommune could not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        // JUL may already be shut down when this hook runs, so the last word goes to stdout.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            System.out.println("  OffeneKommune stopped; the database was shut down cleanly.");
        }, "node-shutdown"));
        System.out.println();
        System.out.println("  OffeneKommune \"" + nodeConfig.name() + "\" is running: " + nodeConfig.baseUrl() + "/");
        System.out.println("  Health: " + nodeConfig.baseUrl() + "/observe/health   (stop with Ctrl-C)");
        System.out.println();
    }

    /** {@code admin <command> [args] [--config file.yaml]}: the operator's commands (see {@link AdminCli}). */
    private static void admin(String[] args) {
        List<String> command = new ArrayList<>();
        List<String> configArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configArgs.add(args[i]);
                configArgs.add(args[++i]);
            } else {
                command.add(args[i]);
            }
        }
        NodeConfig nodeConfig = NodeConfig.from(config(configArgs.toArray(String[]::new)));
        System.exit(AdminCli.run(nodeConfig, command, System.out, System.err));
    }

    static Config config(String[] args) {
        Config.Builder builder = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource();
        List<io.helidon.config.spi.ConfigSource> ordered = new ArrayList<>();
        ordered.add(ConfigSources.systemProperties().build());
        ordered.add(ConfigSources.environmentVariables());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> ordered.add(ConfigSources.create(java.util.Map.of("node.demo", "true")).build());
                case "--config" -> {
                    Path file = Path.of(args[++i]);
                    if (!Files.isReadable(file)) {
                        System.err.println("Config file not readable: " + file.toAbsolutePath());
                        System.exit(2);
                    }
                    ordered.add(ConfigSources.file(file).build());
                }
                default -> {
                    System.err.println("Unknown argument: " + args[i] + "\nUsage: [--demo] [--config file.yaml]");
                    System.exit(2);
                }
            }
        }
        ordered.add(ConfigSources.classpath("application.yaml").build());
        ordered.forEach(builder::addSource);
        return builder.build();
    }
}
