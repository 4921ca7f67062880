package org.escnet.domain.prompts;

import org.escnet.domain.config.ConfigException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The registry of prompt strategies, looked up by name. Built-ins are {@code points}, {@code boxes} and
 * {@code masks}; a jar on the class path adds a name with a line in
 * {@code META-INF/services/org.escnet.domain.prompts.PromptStrategy}. Names join with '+' into combinations
 * ({@code points+masks} = {@code masks+points}).
 *
 * <p>Registration order, which is also the canonical order of a combination's components: the built-ins in the order
 * above, then third-party strategies by name, so a canonical name never depends on the class-path order.
 */
public final class PromptStrategies {

    /** The configuration key whose value names a strategy. */
    public static final String CONFIG_KEY = "model.prompts";

    private static final List<String> BUILT_IN_ORDER =
            List.of(PointPromptStrategy.NAME, BoxPromptStrategy.NAME, MaskPromptStrategy.NAME);
    private static final Pattern VALID_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Map<ClassLoader, Map<String, PromptStrategy>> CATALOGUES = new WeakHashMap<>();

    private PromptStrategies() {
    }

    /** The registered names in registration order, as seen by the thread's context class loader. */
    public static List<String> known() {
        return known(defaultLoader());
    }

    /** The registered names in registration order, as seen by {@code loader}. */
    public static List<String> known(ClassLoader loader) {
        return List.copyOf(catalogue(loader).keySet());
    }

    /** A strategy by single name or '+'-combination, found with the thread's context class loader. */
    public static PromptStrategy byName(String name) {
        return byName(name, defaultLoader());
    }

    /**
     * A strategy by single name or '+'-combination in any order, found with {@code loader}.
     *
     * @throws IllegalArgumentException for an unknown, repeated or empty component, listing the known names
     */
    public static PromptStrategy byName(String name, ClassLoader loader) {
        Map<String, PromptStrategy> catalogue = catalogue(loader);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a prompt strategy name is required; known: " + describe(catalogue));
        }
        List<String> order = new ArrayList<>(catalogue.keySet());
        List<PromptStrategy> components = new ArrayList<>();
        for (String part : name.split("\\+", -1)) {
            String component = part.strip();
            if (component.isEmpty()) {
                throw new IllegalArgumentException("prompt strategy name '" + name.strip() + "' has an empty component;"
                        + " known: " + describe(catalogue));
            }
            PromptStrategy strategy = catalogue.get(component);
            if (strategy == null) {
                throw new IllegalArgumentException("unknown prompt strategy '" + component + "'"
                        + (component.equals(name.strip()) ? "" : " in '" + name.strip() + "'")
                        + "; known: " + describe(catalogue));
            }
            if (components.contains(strategy)) {
                throw new IllegalArgumentException("prompt strategy '" + component + "' appears twice in '"
                        + name.strip() + "'; name each component once");
            }
            components.add(strategy);
        }
        if (components.size() == 1) {
            return components.get(0);
        }
        components.sort(Comparator.comparingInt(strategy -> order.indexOf(strategy.name())));
        return new CombinedPromptStrategy(components);
    }

    /** The canonical spelling of a strategy name ({@code masks+points} → {@code points+masks}). */
    public static String canonicalName(String name) {
        return byName(name).name();
    }

    /**
     * Refuses an unknown strategy name before anything is stored.
     *
     * @throws ConfigException at key {@code model.prompts}, listing the known names
     */
    public static void validate(String name) {
        validate(name, defaultLoader());
    }

    /** {@link #validate(String)} with the strategies {@code loader} sees. */
    public static void validate(String name, ClassLoader loader) {
        try {
            byName(name, loader);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(CONFIG_KEY, e.getMessage());
        }
    }

    private static String describe(Map<String, PromptStrategy> catalogue) {
        return String.join(", ", catalogue.keySet()) + " (combine with '+', e.g. points+masks)";
    }

    private static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PromptStrategies.class.getClassLoader();
    }

    private static Map<String, PromptStrategy> catalogue(ClassLoader loader) {
        synchronized (CATALOGUES) {
            return CATALOGUES.computeIfAbsent(loader, PromptStrategies::load);
        }
    }

    private static Map<String, PromptStrategy> load(ClassLoader loader) {
        Map<String, PromptStrategy> found = new LinkedHashMap<>();
        try {
            for (PromptStrategy strategy : ServiceLoader.load(PromptStrategy.class, loader)) {
                String name = strategy.name();
                if (name == null || !VALID_NAME.matcher(name).matches()) {
                    throw new IllegalStateException("prompt strategy " + strategy.getClass().getName()
                            + " has the name '" + name + "'; expected lower case letters, digits and '-'"
                            + " starting with a letter (no '+', which joins names)");
                }
                PromptStrategy earlier = found.putIfAbsent(name, strategy);
                if (earlier != null && earlier.getClass() != strategy.getClass()) {
                    throw new IllegalStateException("prompt strategy name '" + name + "' is registered twice, by "
                            + earlier.getClass().getName() + " and " + strategy.getClass().getName()
                            + "; rename one of them");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a prompt strategy listed in META-INF/services/"
                    + PromptStrategy.class.getName() + ": " + e.getMessage(), e);
        }
        for (String builtIn : BUILT_IN_ORDER) {
            if (!found.containsKey(builtIn)) {
                throw new IllegalStateException("built-in prompt strategy '" + builtIn + "' is not visible to class"
                        + " loader " + loader + "; it must see the escnet-domain jar");
            }
        }
        Map<String, PromptStrategy> ordered = new LinkedHashMap<>();
        BUILT_IN_ORDER.forEach(name -> ordered.put(name, found.get(name)));
        found.keySet().stream().filter(name -> !ordered.containsKey(name)).sorted()
                .forEach(name -> ordered.put(name, found.get(name)));
        return ordered;
    }
}
