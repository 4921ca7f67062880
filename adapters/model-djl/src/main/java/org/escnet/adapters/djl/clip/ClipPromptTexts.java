package org.escnet.adapters.djl.clip;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts the text tower encodes for a vocabulary: one per class and template, with CAT-Seg's rule that a name
 * such as "wall, brick" contributes only the part before the first ", " (ESC-NET-SPEC §2.4).
 */
public final class ClipPromptTexts {

    /** The single template of CAT-Seg's CVPR configs (A17). */
    public static final String DEFAULT_TEMPLATE = "A photo of a {} in the scene";

    private ClipPromptTexts() {
    }

    /** @return the name up to the first ", " (the whole name when it has none) */
    public static String shortName(String className) {
        int cut = className.indexOf(", ");
        return cut < 0 ? className : className.substring(0, cut);
    }

    /**
     * @param classNames the vocabulary
     * @param templates  templates with one {@code {}} each
     * @return texts in class-major order: index = class · templates.size() + template
     */
    public static List<String> build(List<String> classNames, List<String> templates) {
        List<String> out = new ArrayList<>(classNames.size() * templates.size());
        for (String name : classNames) {
            for (String template : templates) {
                if (!template.contains("{}")) {
                    throw new IllegalArgumentException("a template needs {} for the class name, found '" + template
                            + "'");
                }
                out.add(template.replace("{}", shortName(name)));
            }
        }
        return out;
    }

    /** @return {@link #build(List, List)} with {@link #DEFAULT_TEMPLATE} */
    public static List<String> build(List<String> classNames) {
        return build(classNames, List.of(DEFAULT_TEMPLATE));
    }
}
