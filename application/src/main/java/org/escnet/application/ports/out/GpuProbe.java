package org.escnet.application.ports.out;

/** How many GPUs the tensor engine can use on this machine (for {@code escnet.worker.devices=auto}). */
public interface GpuProbe {
    int gpuCount();
}
