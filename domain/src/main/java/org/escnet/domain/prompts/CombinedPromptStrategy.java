package org.escnet.domain.prompts;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A '+'-combination such as {@code points+masks}: the merge of its components' non-null fields. The regions come
 * from the first component in canonical order. Built-in components share a single generator run; two components
 * that produce the same prompt field are refused, since the head could use only one of them.
 */
public final class CombinedPromptStrategy implements PromptStrategy {

    private final List<PromptStrategy> components;
    private final String name;

    /** Components in canonical order (see {@link PromptStrategies}); at least two. */
    public CombinedPromptStrategy(List<PromptStrategy> components) {
        if (components.size() < 2) {
            throw new IllegalArgumentException("a combined prompt strategy needs at least 2 components, found "
                    + components.size());
        }
        this.components = List.copyOf(components);
        this.name = components.stream().map(PromptStrategy::name).collect(Collectors.joining("+"));
    }

    @Override
    public String name() {
        return name;
    }

    public List<PromptStrategy> components() {
        return components;
    }

    @Override
    public PseudoPrompts generate(CorrelationMaps maps, PpgSpec ppg) {
        Set<PromptKind> generated = EnumSet.noneOf(PromptKind.class);
        List<String> parts = new ArrayList<>();
        List<PseudoPrompts> results = new ArrayList<>();
        boolean generatorDone = false;
        try {
            for (PromptStrategy component : components) {
                if (component instanceof GeneratedPromptStrategy) {
                    if (!generatorDone) {
                        components.stream().filter(c -> c instanceof GeneratedPromptStrategy)
                                .forEach(c -> generated.addAll(((GeneratedPromptStrategy) c).kinds()));
                        results.add(PseudoPromptGenerator.generate(maps, ppg, generated));
                        parts.add(components.stream().filter(c -> c instanceof GeneratedPromptStrategy)
                                .map(PromptStrategy::name).collect(Collectors.joining("+")));
                        generatorDone = true;
                    }
                } else {
                    results.add(component.generate(maps, ppg));
                    parts.add(component.name());
                }
            }
            return merge(results, parts);
        } catch (RuntimeException e) {
            results.forEach(PseudoPrompts::close);
            throw e;
        }
    }

    private PseudoPrompts merge(List<PseudoPrompts> results, List<String> parts) {
        NDArray[] merged = new NDArray[6];
        String[] producer = new String[6];
        String[] fields = {"points", "pointLabels", "boxes", "boxLabels", "masks"};
        for (int r = 0; r < results.size(); r++) {
            PseudoPrompts result = results.get(r);
            NDArray[] own = {result.points(), result.pointLabels(), result.boxes(), result.boxLabels(), result.masks()};
            for (int f = 0; f < own.length; f++) {
                if (own[f] == null) {
                    continue;
                }
                if (merged[f] != null) {
                    throw new IllegalStateException("prompt strategy '" + name + "': both '" + producer[f] + "' and '"
                            + parts.get(r) + "' produce " + fields[f]
                            + "; combine strategies that produce different prompt kinds");
                }
                merged[f] = own[f];
                producer[f] = parts.get(r);
            }
            if (merged[5] == null) {
                merged[5] = result.regions();
            } else if (result.regions() != null) {
                result.regions().close();
            }
        }
        return new PseudoPrompts(merged[0], merged[1], merged[2], merged[3], merged[4], merged[5]);
    }

    @Override
    public String toString() {
        return name;
    }
}
