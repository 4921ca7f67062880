package org.escnet.application.services.table;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The export formats of an ablation table. */
public enum TableFormat {
    LATEX("text/x-tex", "tex"), MARKDOWN("text/markdown", "md"), CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Parses {@code latex}, {@code markdown} or {@code csv} (any case); anything else names the accepted values. */
    public static TableFormat parse(String name) {
        if (name != null) {
            for (TableFormat f : values()) {
                if (f.name().equalsIgnoreCase(name.trim())) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("unknown table format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The table in this format. */
    public String write(AblationTable table) {
        return switch (this) {
            case LATEX -> LatexTableWriter.write(table);
            case MARKDOWN -> MarkdownTableWriter.write(table);
            case CSV -> CsvTableWriter.write(table);
        };
    }
}
