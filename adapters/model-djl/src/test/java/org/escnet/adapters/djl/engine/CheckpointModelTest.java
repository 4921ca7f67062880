package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.escnet.adapters.djl.escnet.EscNetFactory;
import org.escnet.adapters.djl.escnet.EscNetNetwork;
import org.escnet.adapters.djl.escnet.NetworkPreset;
import org.escnet.adapters.djl.inference.DjlSegmentImage;
import org.escnet.adapters.djl.inference.ImageSegmentation;
import org.escnet.adapters.djl.inference.ModelSource;
import org.escnet.adapters.djl.inference.SegmentationSettings;
import org.escnet.application.ports.in.SegmentImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint records its model, so it loads alone; a network of another architecture is refused by name. */
class CheckpointModelTest {
    private static final TrainingSettings SETTINGS =
            new TrainingSettings(2, 1, 1, 1e-3, 1e-4, 1e-4, 0.05, 0, 96, false, 0, 3);

    @TempDir
    static Path runs;
    private static Path workDir;

    /** Run 5 of the runs folder, trained one step and checkpointed. */
    @BeforeAll
    static void trainOneStep() throws Exception {
        workDir = runs.resolve("5");
        try (NDManager m = NDManager.newBaseManager();
             Trainer trainer = new Trainer(EscNetFactory.buildRandom(TinySpecs.escnetTiny(), m),
                     new ColouredSquares(2, 96, 1), SETTINGS, m)) {
            trainer.step();
            trainer.save(new TrainingCheckpoint(workDir));
        }
    }

    private static Path folder() {
        return new TrainingCheckpoint(workDir).latest().orElseThrow();
    }

    @Test
    void theCheckpointRecordsTheSpecItWasTrainedWith() throws Exception {
        assertThat(folder().resolve(TrainingCheckpoint.MODEL_SPEC)).isRegularFile();
        assertThat(CheckpointModel.readSpec(folder())).contains(TinySpecs.escnetTiny());
    }

    @Test
    void loadingIntoAnotherPresetFailsNamingBoth() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EscNetNetwork catseg = EscNetFactory.buildRandom(NetworkPreset.CATSEG_TINY.randomWeightsSpec(), m);
            assertThatThrownBy(() -> CheckpointModel.loadInto(catseg, m, folder()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holds a escnet-tiny network")
                    .hasMessageContaining("cannot be loaded into a catseg-tiny network");
            try (Trainer resumed = new Trainer(catseg, new ColouredSquares(2, 96, 1), SETTINGS, m)) {
                assertThatThrownBy(() -> resumed.resume(folder())).hasMessageContaining("escnet-tiny")
                        .hasMessageContaining("catseg-tiny");
            }
        }
    }

    @Test
    void aCheckpointWithoutItsSpecCannotBeLoadedAloneAndSaysWhy() throws Exception {
        Path old = runs.resolve("old-format");
        Files.createDirectories(old);
        Files.copy(folder().resolve(TrainingCheckpoint.STATE), old.resolve(TrainingCheckpoint.STATE));
        Files.copy(folder().resolve(TrainingCheckpoint.MODEL), old.resolve(TrainingCheckpoint.MODEL));
        assertThatThrownBy(() -> ModelSource.checkpoint(old, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no model.json");
    }

    @Test
    void aCheckpointSegmentsAloneAndIsOfferedByItsRunId() throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        ModelSource source = ModelSource.checkpoint(workDir, null);
        assertThat(source.spec()).isEqualTo(TinySpecs.escnetTiny());
        try (ImageSegmentation segmentation = new ImageSegmentation(SegmentationSettings.defaults(runs))) {
            SegmentImage.Segmentation s = segmentation.segment(source, png.toByteArray(), List.of("red", "blue"));
            assertThat(s.areas().stream().mapToLong(SegmentImage.ClassArea::pixels).sum()).isEqualTo(64 * 48);
        }
        DjlSegmentImage port = new DjlSegmentImage(SegmentationSettings.defaults(runs));
        assertThat(port.models().get(0)).isEqualTo(
                new SegmentImage.ModelChoice("run:5@1", "run 5 (escnet-tiny, step 1)"));
        SegmentImage.Segmentation s = port.segment(new SegmentImage.Request(png.toByteArray(), List.of("a"), "run:5"));
        assertThat(s.width()).isEqualTo(64);
        assertThatThrownBy(() -> port.segment(new SegmentImage.Request(png.toByteArray(), List.of("a"), "run:5@9")))
                .hasMessageContaining("no checkpoint at step 9").hasMessageContaining("run:5@1");
    }
}
