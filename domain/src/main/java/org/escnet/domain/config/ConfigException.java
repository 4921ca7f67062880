package org.escnet.domain.config;

/**
 * A configuration value or key that is not acceptable. {@link #path()} is the dotted key at fault
 * (e.g. {@code model.sam-init}); {@link #line()} is its line in the source file when known, else 0.
 */
public class ConfigException extends RuntimeException {
    private final String path;
    private final int line;
    private final String source;

    public ConfigException(String path, String message) {
        this(path, message, 0, null);
    }

    public ConfigException(String path, String message, int line, String source) {
        super(message);
        this.path = path == null ? "" : path;
        this.line = line;
        this.source = source;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    /** The file the problem was found in, or null for the submitted document itself. */
    public String source() {
        return source;
    }

    /** The same problem, located at a line of a source file. */
    public ConfigException at(int line, String source) {
        return new ConfigException(path, super.getMessage(), line, source);
    }

    /** "key model.sam-init (line 7 of base.yaml): ..." — what a person reads. */
    @Override
    public String getMessage() {
        StringBuilder where = new StringBuilder();
        if (!path.isEmpty()) {
            where.append("key '").append(path).append("'");
        }
        if (line > 0) {
            where.append(where.length() > 0 ? " " : "").append("(line ").append(line);
            if (source != null) {
                where.append(" of ").append(source);
            }
            where.append(")");
        } else if (source != null) {
            where.append(where.length() > 0 ? " " : "").append("(in ").append(source).append(")");
        }
        return where.length() == 0 ? super.getMessage() : where + ": " + super.getMessage();
    }

    /** The message without location, for callers that render the location themselves. */
    public String reason() {
        return super.getMessage();
    }
}
