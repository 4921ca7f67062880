package org.escnet.app.config;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes an embedded PostgreSQL the default database: when no {@code quarkus.datasource.jdbc.url} is configured
 * anywhere (environment, system properties, files), this contributes the URL of a PostgreSQL whose data lives under
 * {@code escnet.data-dir}/pg, started on first read. Quarkus also calls factories while building the application,
 * where nothing may start (the build would bake a random port into the jar), hence the execution-mode guard.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {
    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            return List.of();
        }
        if (isSet(context.getValue(URL))) {
            return List.of();
        }
        ConfigValue enabled = context.getValue("escnet.embedded-postgres.enabled");
        if (isSet(enabled) && !Boolean.parseBoolean(enabled.getValue())) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("escnet.data-dir");
        Path dir = Path.of(isSet(dataDir) ? dataDir.getValue() : "./data");
        return List.of(new LazySource(dir));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** Starts (or joins) the embedded server only when the URL is first read. */
    static final class LazySource implements ConfigSource {
        private final Path dataDir;

        LazySource(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(URL, "quarkus.datasource.username", "quarkus.datasource.password");
        }

        @Override
        public String getValue(String name) {
            return switch (name) {
                case URL -> EmbeddedPostgres.urlFor(dataDir);
                case "quarkus.datasource.username", "quarkus.datasource.password" -> "postgres";
                default -> null;
            };
        }

        @Override
        public String getName() {
            return "escnet-embedded-postgres";
        }

        @Override
        public int getOrdinal() {
            return 150;
        }
    }
}
