package org.escnet.domain.config;

import java.util.Locale;

/** The naming rules between Java and configuration files: record components in camelCase, keys in kebab-case. */
public final class ConfigNames {
    private ConfigNames() {
    }

    /** {@code samInit} → {@code sam-init}. */
    public static String kebab(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code POINTS_AND_MASKS} → {@code points-and-masks}. */
    public static String enumKey(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
