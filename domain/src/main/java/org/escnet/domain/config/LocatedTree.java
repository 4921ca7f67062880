package org.escnet.domain.config;

import java.util.Map;

/**
 * A parsed document: its tree and the line of every key, so errors can point at the line at fault.
 *
 * @param root   top-level section
 * @param lines  dotted key path → 1-based line in the source
 * @param source name of the source (a file name), or null for a submitted document
 */
public record LocatedTree(Map<String, Object> root, Map<String, Integer> lines, String source) {
    public LocatedTree {
        root = java.util.Collections.unmodifiableMap(root);
        lines = Map.copyOf(lines);
    }

    /** Line of {@code dottedPath} or of its nearest parent key that has one; 0 when unknown. */
    public int lineOf(String dottedPath) {
        String path = dottedPath;
        while (!path.isEmpty()) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return 0;
    }

    /** The same problem located in this document. */
    public ConfigException locate(ConfigException e, String pathInDocument) {
        return e.at(lineOf(pathInDocument), source);
    }
}
