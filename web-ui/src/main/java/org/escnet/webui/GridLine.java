package org.escnet.webui;

import org.escnet.application.ports.in.GridOverview;
import org.escnet.application.ports.out.StatusCounts;

/** A grid as one line of the grids page: counts, progress bar widths (percent), elapsed and remaining time. */
public record GridLine(long id, String name, String description, long queued, long running, long succeeded, long failed,
                       long cancelled, long total, String elapsed, String remaining, boolean finished) {

    static GridLine of(GridOverview grid) {
        StatusCounts c = grid.counts();
        return new GridLine(grid.id(), grid.name(), grid.description() == null ? "" : grid.description(), c.queued(),
                c.running(), c.succeeded(), c.failed(), c.cancelled(), c.total(), DurationText.of(grid.elapsed()),
                c.finished() ? "done" : DurationText.of(grid.remaining()), c.finished());
    }

    /** Width of one status's bar segment in percent, with one decimal (CSS). */
    public String width(long n) {
        return total == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * n / total);
    }

    public long done() {
        return succeeded + failed + cancelled;
    }

    public boolean hasFailures() {
        return failed + cancelled > 0;
    }

    public boolean active() {
        return queued + running > 0;
    }
}
