package org.escnet.domain.data;

import java.util.List;

/** A benchmark name that no catalog knows; the message lists the known names. */
public class UnknownBenchmarkException extends IllegalArgumentException {
    private final String name;
    private final List<String> known;

    public UnknownBenchmarkException(String name, List<String> known) {
        super(BenchmarkId.unknownMessage("benchmark", name, known));
        this.name = name;
        this.known = List.copyOf(known);
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }
}
