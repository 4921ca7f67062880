package org.escnet.application.services.worker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Parses {@code escnet.worker.devices}: {@code auto} (one slot per GPU the engine sees, else one CPU slot),
 * {@code cpu}, {@code cpu:N} (N CPU slots: N runs share the cores), {@code gpu:0,1} (those GPUs).
 */
public final class DeviceSlots {
    private DeviceSlots() {
    }

    public static List<DeviceSlot> parse(String spec, IntSupplier gpuCount) {
        String text = spec == null ? "auto" : spec.trim();
        if (text.isEmpty() || text.equals("auto")) {
            int gpus = gpuCount.getAsInt();
            List<DeviceSlot> out = new ArrayList<>();
            for (int i = 0; i < gpus; i++) {
                out.add(new DeviceSlot("gpu:" + i, "gpu"));
            }
            return out.isEmpty() ? List.of(new DeviceSlot("cpu:0", "cpu")) : List.copyOf(out);
        }
        if (text.equals("cpu")) {
            return List.of(new DeviceSlot("cpu:0", "cpu"));
        }
        if (text.startsWith("cpu:")) {
            int n = number(text.substring(4), spec);
            if (n < 1 || n > 64) {
                throw bad(spec, "cpu:N needs 1 ≤ N ≤ 64");
            }
            List<DeviceSlot> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new DeviceSlot("cpu:" + i, "cpu"));
            }
            return List.copyOf(out);
        }
        if (text.startsWith("gpu:")) {
            Set<Integer> ids = new LinkedHashSet<>();
            for (String part : text.substring(4).split(",")) {
                int id = number(part.trim(), spec);
                if (id < 0 || !ids.add(id)) {
                    throw bad(spec, "GPU ids must be distinct numbers ≥ 0");
                }
            }
            int available = gpuCount.getAsInt();
            List<DeviceSlot> out = new ArrayList<>();
            for (int id : ids) {
                if (id >= available) {
                    throw bad(spec, "GPU " + id + " is not available: the engine sees " + available + " GPU(s)");
                }
                out.add(new DeviceSlot("gpu:" + id, "gpu"));
            }
            return List.copyOf(out);
        }
        throw bad(spec, "expected auto, cpu, cpu:N or gpu:0,1");
    }

    private static int number(String text, String spec) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(spec, "'" + text + "' is not a number");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("escnet.worker.devices='" + spec + "': " + why);
    }
}
