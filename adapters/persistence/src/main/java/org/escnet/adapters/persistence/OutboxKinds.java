package org.escnet.adapters.persistence;

import org.escnet.application.ports.out.OutboxEntry;

/** The {@code kind} column of the outbox: which payload type its JSON holds. */
final class OutboxKinds {
    private OutboxKinds() {
    }

    static String kindOf(OutboxEntry.Payload payload) {
        if (payload instanceof OutboxEntry.Params) {
            return "params";
        }
        if (payload instanceof OutboxEntry.Metrics) {
            return "metrics";
        }
        if (payload instanceof OutboxEntry.Event) {
            return "event";
        }
        if (payload instanceof OutboxEntry.Artifact) {
            return "artifact";
        }
        return "status";
    }

    static Class<? extends OutboxEntry.Payload> typeOf(String kind) {
        return switch (kind) {
            case "params" -> OutboxEntry.Params.class;
            case "metrics" -> OutboxEntry.Metrics.class;
            case "event" -> OutboxEntry.Event.class;
            case "artifact" -> OutboxEntry.Artifact.class;
            case "status" -> OutboxEntry.Status.class;
            default -> throw new IllegalStateException("unknown outbox kind '" + kind + "'");
        };
    }
}
