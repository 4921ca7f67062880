package org.escnet.adapters.mlflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.escnet.application.ports.out.MetricPoint;
import org.escnet.application.ports.out.OutboxEntry;
import org.escnet.application.ports.out.RunEvent;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/**
 * Packs consecutive params, metrics and event entries of one run into as few {@code runs/log-batch} requests as
 * MLflow's limits allow. Items keep their order, so every request completes a prefix of the entries; the request
 * that completes entries also carries the tag {@link #DELIVERED_THROUGH_TAG} with the id of the last one, which lets a
 * restarted mirror skip what MLflow already has.
 */
final class LogBatchPlanner {
    /** Outbox id of the last entry of this run that MLflow holds in full. */
    static final String DELIVERED_THROUGH_TAG = "escnet.outbox_id";
    /** Events become tags {@code escnet.event.<outbox id, 12 digits>}: sortable and idempotent on re-delivery. */
    static final String EVENT_TAG_PREFIX = "escnet.event.";
    /** Rough JSON overhead of one item besides its key and value. */
    private static final int ITEM_OVERHEAD_CHARS = 80;

    private final int maxMetrics;
    private final int maxParams;
    private final int maxTags;
    private final int maxEntities;
    private final int maxChars;

    LogBatchPlanner() {
        this(MlflowLimits.MAX_METRICS_PER_BATCH, MlflowLimits.MAX_PARAMS_PER_BATCH, MlflowLimits.MAX_TAGS_PER_BATCH,
                MlflowLimits.MAX_ENTITIES_PER_BATCH, MlflowLimits.MAX_BATCH_CHARS);
    }

    LogBatchPlanner(int maxMetrics, int maxParams, int maxTags, int maxEntities, int maxChars) {
        this.maxMetrics = maxMetrics;
        this.maxParams = maxParams;
        // One tag and one entity stay free for the delivered-through tag.
        this.maxTags = maxTags - 1;
        this.maxEntities = maxEntities - 1;
        this.maxChars = maxChars;
    }

    /** Plans the requests for {@code group}: entries of one run whose payloads are params, metrics or events. */
    List<LogBatch> plan(List<OutboxEntry> group) {
        List<LogBatch> batches = new ArrayList<>();
        Map<String, String> paramsSoFar = new HashMap<>();
        Open open = new Open();
        for (int i = 0; i < group.size(); i++) {
            OutboxEntry entry = group.get(i);
            for (Object item : itemsOf(entry, paramsSoFar)) {
                if (!open.fits(item)) {
                    open.flushInto(batches);
                    open = open.next();
                }
                open.add(item);
            }
            open.completed = i + 1;
            open.lastCompletedId = entry.id();
        }
        open.flushInto(batches);
        return batches;
    }

    private List<Object> itemsOf(OutboxEntry entry, Map<String, String> paramsSoFar) {
        List<Object> items = new ArrayList<>();
        OutboxEntry.Payload payload = entry.payload();
        if (payload instanceof OutboxEntry.Params p) {
            p.params().forEach((rawKey, rawValue) -> {
                String key = MlflowLimits.key(rawKey);
                String value = MlflowLimits.paramValue(rawValue);
                String earlier = paramsSoFar.putIfAbsent(key, value);
                if (earlier == null) {
                    items.add(Param.newBuilder().setKey(key).setValue(value).build());
                } else if (!earlier.equals(value)) {
                    throw new IllegalArgumentException("param '" + rawKey + "' (MLflow key '" + key + "') is logged "
                            + "twice with different values, '" + earlier + "' then '" + value
                            + "' (outbox entry " + entry.id() + "); MLflow params cannot change");
                }
            });
        } else if (payload instanceof OutboxEntry.Metrics m) {
            for (MetricPoint point : m.points()) {
                items.add(Metric.newBuilder().setKey(MlflowLimits.key(point.key())).setValue(point.value())
                        .setTimestamp(millis(point.time(), entry.createdAt())).setStep(point.step()).build());
            }
        } else if (payload instanceof OutboxEntry.Event e) {
            items.add(RunTag.newBuilder().setKey(eventTagKey(entry.id()))
                    .setValue(MlflowLimits.tagValue(eventText(e.event()))).build());
        } else {
            throw new IllegalArgumentException("outbox entry " + entry.id() + " carries "
                    + (payload == null ? "no payload" : payload.getClass().getSimpleName())
                    + ", which does not go through log-batch");
        }
        return items;
    }

    static String eventTagKey(long outboxId) {
        return EVENT_TAG_PREFIX + String.format("%012d", outboxId);
    }

    static String eventText(RunEvent event) {
        String line = event.time() + " [" + event.kind() + "] " + event.message();
        return event.detail() == null || event.detail().isBlank() ? line : line + "\n" + event.detail();
    }

    private static long millis(Instant time, Instant fallback) {
        Instant t = time != null ? time : fallback != null ? fallback : Instant.EPOCH;
        return t.toEpochMilli();
    }

    private static int chars(Object item) {
        if (item instanceof Param p) {
            return ITEM_OVERHEAD_CHARS + p.getKey().length() + p.getValue().length();
        }
        if (item instanceof RunTag t) {
            return ITEM_OVERHEAD_CHARS + t.getKey().length() + t.getValue().length();
        }
        return ITEM_OVERHEAD_CHARS + ((Metric) item).getKey().length();
    }

    /** The request being filled. */
    private final class Open {
        final List<Metric> metrics = new ArrayList<>();
        final List<Param> params = new ArrayList<>();
        final List<RunTag> tags = new ArrayList<>();
        int chars;
        int completed;
        int completedBefore;
        long lastCompletedId;

        boolean fits(Object item) {
            if (metrics.size() + params.size() + tags.size() + 1 > maxEntities || chars + chars(item) > maxChars) {
                return false;
            }
            if (item instanceof Metric) {
                return metrics.size() < maxMetrics;
            }
            return item instanceof Param ? params.size() < maxParams : tags.size() < maxTags;
        }

        void add(Object item) {
            if (item instanceof Metric m) {
                metrics.add(m);
            } else if (item instanceof Param p) {
                params.add(p);
            } else {
                tags.add((RunTag) item);
            }
            chars += chars(item);
        }

        void flushInto(List<LogBatch> batches) {
            boolean hasItems = !metrics.isEmpty() || !params.isEmpty() || !tags.isEmpty();
            if (completed > completedBefore) {
                tags.add(RunTag.newBuilder().setKey(DELIVERED_THROUGH_TAG)
                        .setValue(Long.toString(lastCompletedId)).build());
            } else if (!hasItems) {
                return;
            }
            batches.add(new LogBatch(metrics, params, tags, completed));
        }

        Open next() {
            Open next = new Open();
            next.completed = completed;
            next.completedBefore = completed;
            next.lastCompletedId = lastCompletedId;
            return next;
        }
    }
}
