package org.escnet.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The class loader of the plug-in folder ({@code escnet.plugins-dir}, default {@code ./plugins}): every jar there is
 * searched by {@link java.util.ServiceLoader} lookups such as the prompt-strategy registry, so a team adds a strategy
 * by dropping its jar in the folder, without rebuilding ESC-Lab.
 */
public final class Plugins {
    private static final Logger LOG = Logger.getLogger(Plugins.class.getName());

    private Plugins() {
    }

    public static ClassLoader loaderFor(Path dir, ClassLoader parent) {
        if (!Files.isDirectory(dir)) {
            return parent;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plug-in folder " + dir, e);
        }
        if (jars.isEmpty()) {
            return parent;
        }
        LOG.info(() -> "plug-ins: " + jars);
        return new URLClassLoader("escnet-plugins", jars.toArray(URL[]::new), parent);
    }
}
