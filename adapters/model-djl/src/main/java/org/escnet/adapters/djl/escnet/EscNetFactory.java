package org.escnet.adapters.djl.escnet;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.escnet.adapters.djl.clip.ClipWeights;
import org.escnet.adapters.djl.sam.SamCheckpointLoader;
import org.escnet.adapters.djl.sam.SamSpatialAggregator;
import org.escnet.adapters.djl.tokenizer.ByteTokenizer;
import org.escnet.adapters.djl.tokenizer.ClipTokenizer;
import org.escnet.adapters.djl.tokenizer.ClipTokenizerFiles;
import org.escnet.adapters.djl.weights.SafetensorsFile;
import org.escnet.domain.config.ConfigException;
import org.escnet.domain.model.ModelSpec;
import org.escnet.domain.model.SamInit;

/**
 * Builds the network a {@link ModelSpec} describes; nothing else reads model configuration. {@link #build} loads the
 * weight files the spec names (CLIP always when given; SAM for sam-init pretrained, where it is required);
 * {@link #buildRandom} ignores weight files (summaries, benchmarks, tests).
 */
public final class EscNetFactory {
    private EscNetFactory() {
    }

    /** The network, parameters not yet allocated: shapes and counts only. */
    public static EscNetNetwork create(ModelSpec spec) {
        return new EscNetNetwork(spec, tokenizer(Architecture.resolve(spec), spec.weights().clip()));
    }

    /** Allocated and randomly initialised; weight files are ignored. */
    public static EscNetNetwork buildRandom(ModelSpec spec, NDManager manager) {
        EscNetNetwork network = new EscNetNetwork(spec, new ByteTokenizer());
        network.initializeAll(manager);
        return network;
    }

    /** Allocated, initialised, and filled from the weight files of the spec. */
    public static EscNetNetwork build(ModelSpec spec, NDManager manager) {
        Architecture a = Architecture.resolve(spec);
        if (a.samInit() == SamInit.PRETRAINED && spec.weights().sam() == null) {
            throw new ConfigException("sam", "sam-init pretrained needs a SAM checkpoint (weights.sam, safetensors); "
                    + "set sam-init: random or none to train without one");
        }
        EscNetNetwork network = new EscNetNetwork(spec, tokenizer(a, spec.weights().clip()));
        network.initializeAll(manager);
        if (spec.weights().clip() != null) {
            ClipWeights.load(network.clip(), Path.of(spec.weights().clip()));
        }
        if (a.samInit() == SamInit.PRETRAINED) {
            try (SafetensorsFile sam = SafetensorsFile.open(Path.of(spec.weights().sam()))) {
                SamCheckpointLoader.load(sam, network.promptEncoder(), network.outputTokens(),
                        network.samBlocks().stream().map(SamSpatialAggregator::twoWayBlock).toList(),
                        a.layerOrder());
            }
        }
        return network;
    }

    /**
     * Allocated and initialised with the tokenizer training used, but no weight file is read: the parameters are about
     * to be replaced by a checkpoint's, so only the CLIP tokenizer files (next to the CLIP weights) must still exist.
     */
    public static EscNetNetwork buildForCheckpoint(ModelSpec spec, NDManager manager) {
        Architecture a = Architecture.resolve(spec);
        EscNetNetwork network = new EscNetNetwork(spec, tokenizer(a, spec.weights().clip()));
        network.initializeAll(manager);
        return network;
    }

    private static ClipTokenizer tokenizer(Architecture a, String clipWeights) {
        if (a.preset().clip().byteTokenizer()) {
            return new ByteTokenizer();
        }
        if (clipWeights == null) {
            // random CLIP weights: any consistent ids do; real vocabularies come with the CLIP files
            return new ByteTokenizer();
        }
        Path dir = Path.of(clipWeights).toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ConfigException("clip", "no directory next to CLIP weights " + clipWeights
                    + " to read the tokenizer files from");
        }
        return ClipTokenizerFiles.fromDirectory(dir);
    }
}
