package org.escnet.app.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/** Boots the Quarkus application (database, HTTP, worker) and blocks until it stops. */
abstract class BootCommand {
    private static volatile boolean booted;

    static boolean booted() {
        return booted;
    }

    /** Sets a configuration value for the application about to start (system properties outrank the defaults). */
    static void set(String key, String value) {
        System.setProperty(key, value);
    }

    static void boot(Class<? extends QuarkusApplication> application, String... args) {
        booted = true;
        Quarkus.run(application, (code, error) -> {
            if (error != null) {
                System.err.println("escnet: " + (error.getMessage() == null ? error : error.getMessage()));
            }
            System.exit(code);
        }, args);
    }

    /** Runs until the process is asked to stop (Ctrl-C, SIGTERM). */
    public static class UntilStopped implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
