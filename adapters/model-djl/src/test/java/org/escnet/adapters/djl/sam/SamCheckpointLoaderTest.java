package org.escnet.adapters.djl.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.escnet.adapters.djl.ops.ParameterPaths;
import org.escnet.adapters.djl.weights.SafetensorsFile;
import org.escnet.adapters.djl.weights.WeightMismatchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading SAM tensors written to a safetensors file by the test, in both namings of ESC-NET-SPEC §6.2. */
class SamCheckpointLoaderTest {
    @TempDir
    Path dir;
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Writes every tensor the loader needs, each filled with a value that identifies it, under the naming. */
    private Path writeCheckpoint(SamNaming naming, String brokenKey) throws IOException {
        NDList tensors = new NDList();
        SamPromptEncoder pe = new SamPromptEncoder();
        SamOutputTokens tokens = new SamOutputTokens();
        SamTwoWayBlock block = new SamTwoWayBlock(true);
        float[] value = {1};
        java.util.function.BiConsumer<String, Shape> put = (key, shape) -> {
            Shape s = key.equals(brokenKey) ? new Shape(shape.get(0) - 1) : shape;
            NDArray a = manager.full(s, value[0]++);
            a.setName(key);
            tensors.add(a);
        };
        ParameterPaths.of(pe).forEach((p, param) -> put.accept(naming.promptEncoderKey(p, emptySource()),
                param.getShape()));
        ParameterPaths.of(tokens).forEach((p, param) -> put.accept(naming.outputTokenKey(p), param.getShape()));
        for (int layer = 0; layer < 2; layer++) {
            int l = layer;
            ParameterPaths.of(block).forEach((p, param) -> put.accept(naming.blockKey(l, p), param.getShape()));
        }
        NDArray encoder = manager.zeros(new Shape(3)); // an image-encoder tensor the loader must ignore
        encoder.setName("image_encoder.neck.0.weight");
        tensors.add(encoder);
        Path file = dir.resolve(naming + ".safetensors");
        try (OutputStream os = Files.newOutputStream(file)) {
            tensors.encode(os, NDList.Encoding.SAFETENSORS);
        }
        return file;
    }

    private static org.escnet.adapters.djl.weights.TensorSource emptySource() {
        return org.escnet.adapters.djl.weights.InMemoryTensorSource.builder("none").build();
    }

    private void loadsIntoTheRightCopies(SamNaming naming) throws IOException {
        Path file = writeCheckpoint(naming, null);
        SamPromptEncoder pe = new SamPromptEncoder();
        SamOutputTokens tokens = new SamOutputTokens();
        List<SamTwoWayBlock> blocks = List.of(new SamTwoWayBlock(true), new SamTwoWayBlock(false),
                new SamTwoWayBlock(true));
        pe.initializeAll(manager);
        tokens.initializeAll(manager);
        blocks.forEach(b -> b.initializeAll(manager));
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(SamNaming.of(f)).isEqualTo(naming);
            SamCheckpointLoader.load(f, pe, tokens, blocks, List.of(0, 1, 0));
            Map<String, Parameter> b0 = ParameterPaths.of(blocks.get(0));
            Map<String, Parameter> b1 = ParameterPaths.of(blocks.get(1));
            Map<String, Parameter> b2 = ParameterPaths.of(blocks.get(2));
            String key0 = naming.blockKey(0, "norm3.weight");
            String key1 = naming.blockKey(1, "norm3.weight");
            float v0 = f.read(key0).values()[0];
            float v1 = f.read(key1).values()[0];
            assertThat(v0).isNotEqualTo(v1);
            assertThat(b0.get("norm3.weight").getArray().toFloatArray()).containsOnly(v0);
            assertThat(b1.get("norm3.weight").getArray().toFloatArray()).containsOnly(v1);
            assertThat(b2.get("norm3.weight").getArray().toFloatArray()).containsOnly(v0);
            String gKey = naming.promptEncoderKey("pe_layer.positional_encoding_gaussian_matrix", f);
            assertThat(pe.gaussianMatrix().getArray().toFloatArray()).containsOnly(f.read(gKey).values()[0]);
            float conv3 = f.read(naming.promptEncoderKey("mask_downscaling.6.bias", f)).values()[0];
            assertThat(ParameterPaths.of(pe).get("mask_downscaling.6.bias").getArray().toFloatArray())
                    .containsOnly(conv3);
        }
    }

    @Test
    void loadsOriginalNaming() throws IOException {
        loadsIntoTheRightCopies(SamNaming.ORIGINAL);
    }

    @Test
    void loadsHuggingFaceNaming() throws IOException {
        loadsIntoTheRightCopies(SamNaming.HUGGING_FACE);
        assertThat(SamNaming.HUGGING_FACE.blockKey(1, "norm2.bias"))
                .isEqualTo("mask_decoder.transformer.layers.1.layer_norm2.bias");
        assertThat(SamNaming.HUGGING_FACE.promptEncoderKey("mask_downscaling.4.weight", emptySource()))
                .isEqualTo("prompt_encoder.mask_embed.layer_norm2.weight");
    }

    @Test
    void wrongShapeNamesTheTensorWithBothShapes() throws IOException {
        String broken = "mask_decoder.transformer.layers.1.norm4.bias";
        Path file = writeCheckpoint(SamNaming.ORIGINAL, broken);
        SamPromptEncoder pe = new SamPromptEncoder();
        SamOutputTokens tokens = new SamOutputTokens();
        List<SamTwoWayBlock> blocks = List.of(new SamTwoWayBlock(true), new SamTwoWayBlock(false));
        pe.initializeAll(manager);
        tokens.initializeAll(manager);
        blocks.forEach(b -> b.initializeAll(manager));
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThatThrownBy(() -> SamCheckpointLoader.load(f, pe, tokens, blocks, List.of(0, 1)))
                    .isInstanceOf(WeightMismatchException.class)
                    .hasMessageContaining(broken)
                    .hasMessageContaining("256")
                    .hasMessageContaining("255");
        }
    }
}
