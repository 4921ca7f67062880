package org.escnet.adapters.djl.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes a safetensors file without loading its data: the engine of {@code escnet weights inspect FILE}. */
public final class WeightFileInspector {

    private WeightFileInspector() {
    }

    /**
     * @throws WeightFileException naming the file when it is missing, truncated or malformed
     */
    public static WeightFileReport inspect(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new WeightFileException("weight file " + path + " does not exist or is not a regular file");
        }
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            List<WeightFileReport.Entry> entries = file.tensors().stream()
                    .map(t -> new WeightFileReport.Entry(t.name(), t.dtype(), t.shape(), t.elementCount()))
                    .toList();
            return new WeightFileReport(path, Files.size(path), WeightLayout.detect(file.names()), entries,
                    file.metadata());
        } catch (IOException e) {
            throw new WeightFileException("cannot read weight file " + path + ": " + e.getMessage(), e);
        }
    }
}
