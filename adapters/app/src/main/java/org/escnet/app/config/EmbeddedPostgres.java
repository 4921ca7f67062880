package org.escnet.app.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The embedded PostgreSQL 17 of the default configuration (zonky binaries), with fsync and synchronous commit ON so
 * that stored runs survive a crash. One server per JVM; its URL is also written to {@code <data-dir>/postgres.url}
 * so a local {@code escnet worker} joins the server of a running {@code escnet serve} (the data folder is locked by
 * the process that runs it).
 */
public final class EmbeddedPostgres {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    private static final String RUNNING = "escnet.embedded-postgres.running-url";

    private EmbeddedPostgres() {
    }

    public static String urlFor(Path dataDir) {
        // JVM-wide: a second application start in the same JVM (tests, dev reload) must reuse the server.
        synchronized (System.getProperties()) {
            String running = System.getProperty(RUNNING);
            if (running != null) {
                return running;
            }
            Path pgDir = dataDir.resolve("pg").toAbsolutePath().normalize();
            Path urlFile = dataDir.resolve("postgres.url").toAbsolutePath().normalize();
            String joined = joinRunning(pgDir, urlFile);
            if (joined != null) {
                LOG.info(() -> "joining the embedded PostgreSQL of a running ESC-Lab server at " + joined);
                System.setProperty(RUNNING, joined);
                return joined;
            }
            String url = start(pgDir, urlFile);
            System.setProperty(RUNNING, url);
            return url;
        }
    }

    private static String start(Path pgDir, Path urlFile) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(pgDir);
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                    .builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            Files.writeString(urlFile, url, StandardCharsets.UTF_8);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(urlFile);
                    pg.close();
                } catch (IOException e) {
                    // The process is ending; PostgreSQL recovers from its WAL on the next start.
                }
            }, "escnet-embedded-postgres-stop"));
            LOG.info(() -> String.format("embedded PostgreSQL on port %d, data in %s, started in %.1f s", pg.getPort(),
                    pgDir, (System.nanoTime() - started) / 1e9));
            return url;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage()
                    + ". If another ESC-Lab process uses this data folder, stop it or set escnet.data-dir to another "
                    + "folder; to use an external server set QUARKUS_DATASOURCE_JDBC_URL.", e);
        }
    }

    /** The URL of a server another local process runs on this data folder, if it answers. */
    private static String joinRunning(Path pgDir, Path urlFile) {
        if (!Files.exists(pgDir.resolve("postmaster.pid")) || !Files.exists(urlFile)) {
            return null;
        }
        try {
            String url = Files.readString(urlFile, StandardCharsets.UTF_8).trim();
            URI uri = URI.create(url.substring("jdbc:".length()));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            }
            return url;
        } catch (IOException | RuntimeException e) {
            return null; // stale files from a crashed process: start our own server on the folder
        }
    }
}
