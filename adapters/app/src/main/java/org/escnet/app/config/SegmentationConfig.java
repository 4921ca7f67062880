package org.escnet.app.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.adapters.djl.escnet.ClassChunking;
import org.escnet.adapters.djl.inference.SegmentationSettings;

/**
 * The inference limits and the class chunking of inference and evaluation from configuration; the runs' checkpoints are
 * found under {@code escnet.data-dir}/runs.
 */
@ApplicationScoped
public class SegmentationConfig {
    @ConfigProperty(name = "escnet.data-dir")
    Path dataDir;
    @ConfigProperty(name = "escnet.segment.max-pixels")
    long maxPixels;
    @ConfigProperty(name = "escnet.segment.max-classes")
    int maxClasses;
    @ConfigProperty(name = "escnet.segment.cached-models")
    int cachedModels;
    @ConfigProperty(name = "escnet.model.class-chunk")
    int classChunk;

    @Produces
    @Singleton
    ClassChunking chunking() {
        return new ClassChunking(classChunk);
    }

    /** Singleton rather than application-scoped: a record cannot be proxied, and the values never change. */
    @Produces
    @Singleton
    SegmentationSettings settings() {
        return new SegmentationSettings(dataDir.resolve("runs").toAbsolutePath(), maxPixels, maxClasses, cachedModels,
                chunking());
    }
}
