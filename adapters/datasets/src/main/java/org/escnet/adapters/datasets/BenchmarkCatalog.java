package org.escnet.adapters.datasets;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldDataset;
import org.escnet.adapters.datasets.shapesworld.ShapesWorldSplit;
import org.escnet.domain.data.BenchmarkId;
import org.escnet.domain.data.DataLocations;
import org.escnet.domain.data.DatasetCatalog;
import org.escnet.domain.data.DatasetReadException;
import org.escnet.domain.data.SegmentationDataset;

/** Opens every dataset of {@link BenchmarkId}: the prepared benchmarks from disk, ShapesWorld in memory. */
@ApplicationScoped
public class BenchmarkCatalog implements DatasetCatalog {

    @Override
    public SegmentationDataset open(String benchmark, DataLocations where) {
        BenchmarkId id = BenchmarkId.of(benchmark);
        if (id.synthetic()) {
            return new ShapesWorldDataset(ShapesWorldSplit.of(id), where.shapesworldSeed(), where.shapesworldSize());
        }
        Path root = where.root(benchmark).orElseThrow(() -> new DatasetReadException("no folder configured for "
                + benchmark + ": set data.roots." + benchmark + " (or data.roots." + DataLocations.DEFAULT_ROOT
                + ") to the folder holding " + PreparedLayout.of(id).topFolder() + "/"));
        Path classList = where.classList(benchmark, id.classListFile());
        return PreparedBenchmarkDataset.open(id, root, ClassListFile.read(classList));
    }

    @Override
    public List<String> knownBenchmarks() {
        return BenchmarkId.knownNames();
    }
}
