package org.escnet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.escnet.adapters.djl.engine.TrainingSettings;
import org.escnet.domain.model.SamInit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tiny preset overfits 8 ShapesWorld images: a tiny CLIP pre-trained as {@code escnet clip pretrain} does by default
 * (2,000 steps), then ESC-Net trained as {@code escnet bench overfit} does by default (600 steps of 4 on the first 8
 * training images with the 21 phrases they contain), must reach a training-set mIoU of at least 90. It takes about 26
 * minutes on 2 CPU cores, so it is a long check, left out of the default build: run it with
 * {@code ./mvnw -B -pl adapters/app -am verify -Plong-checks -Dtest=ShapesWorldOverfitTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("long")
class ShapesWorldOverfitTest {
    @Test
    void theTinyPresetOverfitsEightShapesWorldImagesFromAPretrainedClip(@TempDir Path dir) {
        Path clip = dir.resolve("tiny-clip.safetensors");
        assertThat(new CommandLine(new ClipCommand.Pretrain()).execute("--out", clip.toString())).isZero();

        TrainingSettings training = OverfitCheck.training(600, 4, 2e-3, 2e-4, 96, 0);
        OverfitCheck.Result r = OverfitCheck.run(new OverfitCheck.Setup(
                OverfitCheck.spec("escnet-tiny", SamInit.RANDOM, clip.toString()), 8, 96, 0, training, 50),
                System.out);
        System.out.print(OverfitCheck.report(r));

        assertThat(r.data().classNames()).hasSize(21);
        assertThat(r.majorityMIoU()).isLessThan(30.0);
        assertThat(r.lastLoss()).isLessThan(r.firstLoss());
        assertThat(r.scores().mIoU()).isGreaterThanOrEqualTo(90.0);
    }
}
