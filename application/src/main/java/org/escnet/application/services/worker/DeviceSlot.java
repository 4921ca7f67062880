package org.escnet.application.services.worker;

/**
 * One place a run can execute: {@code cpu:0}, {@code gpu:1}. A worker runs at most one run per slot, so two runs never
 * share a GPU by accident.
 */
public record DeviceSlot(String device, String kind) {
    public DeviceSlot {
        if (!"cpu".equals(kind) && !"gpu".equals(kind)) {
            throw new IllegalArgumentException("a device kind is cpu or gpu, found '" + kind + "'");
        }
    }
}
