package org.escnet.application.ports.out;

import org.escnet.domain.experiment.Run;

/** A run a worker has claimed, with the slot it runs on. */
public record ClaimedRun(Run run, String device) {
}
