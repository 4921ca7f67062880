package org.escnet.domain.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML (and therefore JSON) into a {@link LocatedTree}: plain maps, lists and scalars, with the line of every key.
 * Duplicate keys, anchors that nest too deep and documents that are not a mapping are refused with their line.
 */
public final class YamlTrees {
    private static final int MAX_DOCUMENT_CHARS = 1_000_000;

    private YamlTrees() {
    }

    public static LocatedTree parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new ConfigException("", "the document is empty", 0, source);
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new ConfigException("", "the document has " + text.length() + " characters; at most "
                    + MAX_DOCUMENT_CHARS + " are accepted", 0, source);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS * 4);
        Node node;
        try {
            node = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int problemLine = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            // The context (e.g. the unclosed list) is where a person must look; the problem line is often the end.
            int contextLine = e.getContextMark() == null ? 0 : e.getContextMark().getLine() + 1;
            int line = contextLine > 0 ? contextLine : problemLine;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (e.getContext() != null) {
                problem = e.getContext() + " (line " + contextLine + "): " + problem
                        + (problemLine > 0 ? " at line " + problemLine : "");
            }
            throw new ConfigException("", "malformed YAML: " + problem.trim(), line, source);
        } catch (YAMLException e) {
            throw new ConfigException("", "malformed YAML: " + e.getMessage(), 0, source);
        }
        if (node == null) {
            throw new ConfigException("", "the document is empty", 0, source);
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException("", "the document must be a mapping of keys (name:, axes:, …), found "
                    + describe(node), line(node), source);
        }
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Object> root = mapping(mapping, "", lines, source);
        return new LocatedTree(root, lines, source);
    }

    private static Map<String, Object> mapping(MappingNode node, String path, Map<String, Integer> lines, String source) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ConfigException(path, "keys must be plain text", line(tuple.getKeyNode()), source);
            }
            String key = keyNode.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (out.containsKey(key)) {
                // The node API does not refuse duplicates; a silently ignored first value would be worse.
                throw new ConfigException(childPath, "duplicate key (first given on line " + lines.get(childPath) + ")",
                        line(keyNode), source);
            }
            lines.put(childPath, line(keyNode));
            out.put(key, value(tuple.getValueNode(), childPath, lines, source));
        }
        return out;
    }

    private static Object value(Node node, String path, Map<String, Integer> lines, String source) {
        if (node instanceof MappingNode m) {
            return mapping(m, path, lines, source);
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < s.getValue().size(); i++) {
                Node item = s.getValue().get(i);
                String itemPath = path + "[" + i + "]";
                lines.put(itemPath, line(item));
                out.add(value(item, itemPath, lines, source));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar(scalar, path, source);
    }

    private static Object scalar(ScalarNode node, String path, String source) {
        Tag tag = node.getTag();
        String text = node.getValue();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                String t = text.toLowerCase(java.util.Locale.ROOT);
                return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
            }
            if (Tag.INT.equals(tag)) {
                BigInteger big = new BigInteger(text.replace("_", ""));
                return big.bitLength() < 32 ? (Object) big.intValue() : big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(path, "cannot read number '" + text + "'", line(node), source);
        }
        return text;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String describe(Node node) {
        return node instanceof SequenceNode ? "a list" : "the value '" + ((ScalarNode) node).getValue() + "'";
    }
}
