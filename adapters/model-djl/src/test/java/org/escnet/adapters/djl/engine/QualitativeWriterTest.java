package org.escnet.adapters.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.escnet.application.ports.out.ArtifactRecord;
import org.escnet.domain.data.SegmentationSample;
import org.escnet.domain.evaluation.ScoringRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualitativeWriterTest {
    @TempDir
    Path workDir;

    private final ColouredSquares data = new ColouredSquares(1, 96, 2);

    /** Grid 6, two points per class, 24 px masks; class 1's mask is the top-left quarter, class 2 has no points. */
    private static PromptSnapshot prompts() {
        float[] points = {
            1, 1, 4, 4, // class 0: cells (1, 1) and (4, 4)
            0, 5, 0, 0, // class 1: cell (0, 5) and an empty cluster
            2, 2, 3, 3, // class 2: labels -1 below
        };
        float[] labels = {1, 1, 1, -1, -1, -1};
        boolean[] masks = new boolean[3 * 24 * 24];
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                masks[24 * 24 + y * 24 + x] = true;
            }
        }
        return new PromptSnapshot(new int[] {0, 1, 2}, 6, 2, points, labels, 24, masks);
    }

    private static int[] truthAsPrediction(SegmentationSample s) {
        return Arrays.stream(s.labels()).map(l -> l == ColouredSquares.IGNORE ? 0 : l).toArray();
    }

    @Test
    void writesTheImageTruthPredictionAndPromptOverlaysAsPngsWithTheirHashes() throws Exception {
        SegmentationSample s = data.sample(0);
        int[] predicted = truthAsPrediction(s);
        List<ArtifactRecord> records = new QualitativeWriter(workDir).write("squares", 3, s,
                new ImagePrediction(predicted, prompts()), data.scoring());

        assertThat(records).extracting(ArtifactRecord::path).containsExactly("qualitative/squares/0003/image.png",
                "qualitative/squares/0003/truth.png", "qualitative/squares/0003/prediction.png",
                "qualitative/squares/0003/points.png", "qualitative/squares/0003/masks.png");
        for (ArtifactRecord r : records) {
            Path file = Path.of(r.file());
            assertThat(file).isEqualTo(workDir.resolve("artifacts").resolve(r.path()).toAbsolutePath());
            byte[] bytes = Files.readAllBytes(file);
            assertThat(r.mediaType()).isEqualTo("image/png");
            assertThat(r.sizeBytes()).isEqualTo(bytes.length);
            assertThat(r.sha256()).isEqualTo(QualitativeWriter.sha256(bytes)).hasSize(64);
            BufferedImage png = ImageIO.read(file.toFile());
            assertThat(png).as(r.path()).isNotNull();
            assertThat(png.getWidth()).isEqualTo(96);
            assertThat(png.getHeight()).isEqualTo(96);
        }

        BufferedImage image = ImageIO.read(Path.of(records.get(0).file()).toFile());
        BufferedImage truth = ImageIO.read(Path.of(records.get(1).file()).toFile());
        BufferedImage prediction = ImageIO.read(Path.of(records.get(2).file()).toFile());
        int ignored = 0;
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                int label = s.label(x, y);
                assertThat(image.getRGB(x, y) & 0xFFFFFF).isEqualTo(s.packedRgb(x, y));
                int expected = label == ColouredSquares.IGNORE ? ClassPalette.IGNORED : ClassPalette.rgb(label);
                assertThat(truth.getRGB(x, y) & 0xFFFFFF).as("truth at %d,%d", x, y).isEqualTo(expected);
                assertThat(prediction.getRGB(x, y) & 0xFFFFFF).isEqualTo(ClassPalette.rgb(predicted[y * 96 + x]));
                ignored += label == ColouredSquares.IGNORE ? 1 : 0;
            }
        }
        assertThat(ignored).isPositive(); // the squares' frames

        BufferedImage points = ImageIO.read(Path.of(records.get(3).file()).toFile());
        // grid cell (1, 1) of 6 on 96 px has its centre at (24, 24); cell (0, 5) at (8, 88)
        assertThat(points.getRGB(24, 24)).isEqualTo(0xFF000000 | ClassPalette.rgb(0));
        assertThat(points.getRGB(72, 72)).isEqualTo(0xFF000000 | ClassPalette.rgb(0));
        assertThat(points.getRGB(8, 88)).isEqualTo(0xFF000000 | ClassPalette.rgb(1));
        assertThat(points.getRGB(40, 40) >>> 24).as("class 2 has no valid points").isZero();
        assertThat(points.getRGB(8, 8) >>> 24).as("the empty cluster's (0, 0) is not drawn").isZero();

        BufferedImage masks = ImageIO.read(Path.of(records.get(4).file()).toFile());
        assertThat(masks.getRGB(10, 10)).isEqualTo(0x70000000 | ClassPalette.rgb(1));
        assertThat(masks.getRGB(47, 47) >>> 24).isNotZero();
        assertThat(masks.getRGB(48, 48) >>> 24).isZero();
        assertThat(masks.getRGB(90, 10) >>> 24).isZero();
    }

    @Test
    void drawsOnlyThePromptsOfPredictedOrPresentClasses() throws Exception {
        int[] labels = new int[96 * 96]; // only class 1 present
        Arrays.fill(labels, 1);
        SegmentationSample s = new SegmentationSample("one", 96, 96, new byte[3 * 96 * 96], labels, 255);
        List<ArtifactRecord> records = new QualitativeWriter(workDir).write("squares", 0, s,
                new ImagePrediction(labels.clone(), prompts()), data.scoring());
        BufferedImage points = ImageIO.read(Path.of(records.get(3).file()).toFile());
        assertThat(points.getRGB(24, 24) >>> 24).as("class 0 is neither predicted nor present").isZero();
        assertThat(points.getRGB(8, 88)).isEqualTo(0xFF000000 | ClassPalette.rgb(1));
    }

    @Test
    void withoutPromptsOnlyTheThreeMapsAreWrittenAndPas20bPredictionsShowAsBackground() throws Exception {
        ScoringRule pas20b = new ScoringRule(3, new int[] {255}, 2); // every index >= 2 is background (2)
        int[] labels = new int[4 * 4];
        Arrays.fill(labels, 2);
        SegmentationSample s = new SegmentationSample("bg", 4, 4, new byte[3 * 16], labels, 255);
        int[] predicted = new int[16];
        Arrays.fill(predicted, 7); // a context class of the 59-name vocabulary
        List<ArtifactRecord> records = new QualitativeWriter(workDir).write("voc20b", 1, s,
                new ImagePrediction(predicted, null), pas20b);
        assertThat(records).extracting(ArtifactRecord::path).containsExactly("qualitative/voc20b/0001/image.png",
                "qualitative/voc20b/0001/truth.png", "qualitative/voc20b/0001/prediction.png");
        BufferedImage prediction = ImageIO.read(Path.of(records.get(2).file()).toFile());
        assertThat(prediction.getRGB(0, 0) & 0xFFFFFF).isEqualTo(ClassPalette.rgb(2));
    }

    @Test
    void rejectsABenchmarkNameThatIsNotAFolderName() {
        SegmentationSample s = data.sample(0);
        assertThatThrownBy(() -> new QualitativeWriter(workDir).write("../x", 0, s,
                new ImagePrediction(new int[s.pixelCount()], null), data.scoring()))
                .hasMessageContaining("cannot be a folder name");
    }
}
