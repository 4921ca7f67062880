package org.escnet.domain.model;

import java.util.List;
import java.util.function.Supplier;

/**
 * Observes how long each stage of a forward pass takes ({@code clip.vision}, {@code stems}, {@code ppg},
 * {@code prompt_encoder}, {@code sam_blocks}, {@code guidance}, {@code vlf}, {@code decoder}: the module names of the
 * model summary, so a benchmark can set each stage's time next to its multiply-accumulates). A stage that runs once
 * per block is reported once per block under the same name.
 */
@FunctionalInterface
public interface StageClock {
    /** Every stage name a forward may report, in the order the stages run (ppg has no multiply-accumulates). */
    List<String> STAGES = List.of("clip.vision", "stems", "ppg", "prompt_encoder", "sam_blocks", "guidance", "vlf",
            "decoder");

    /** Runs the stages without observing them. */
    StageClock NONE = new StageClock() {
        @Override
        public <T> T time(String stage, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs {@code work} as (part of) {@code stage} and returns its result. */
    <T> T time(String stage, Supplier<T> work);
}
