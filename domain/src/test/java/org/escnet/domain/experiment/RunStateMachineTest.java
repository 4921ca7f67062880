package org.escnet.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStateMachineTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run queued(int maxAttempts) {
        RunConfig config = RunConfig.fromTree(Map.of("resources", Map.of("max-attempts", maxAttempts)));
        return Run.queued(1, new GridCell(Map.of(), config, config.cellKey()), T).withId(9);
    }

    @Test
    void aRunGoesQueuedRunningSucceeded() {
        Run run = queued(3).start("w1", "cpu:0", T);
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(run.workerId()).isEqualTo("w1");
        Run done = run.succeed(T.plusSeconds(5));
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.finishedAt()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void illegalMovesAreRefusedNamingBothStatuses() {
        Run succeeded = queued(3).start("w", "cpu:0", T).succeed(T);
        assertThatThrownBy(() -> succeeded.cancel(T)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("SUCCEEDED").hasMessageContaining("CANCELLED").hasMessageContaining("final");
        assertThatThrownBy(() -> queued(3).succeed(T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> queued(3).start("w", "cpu:0", T).start("w2", "cpu:1", T))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> succeeded.requeue()).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anExpiredLeaseRequeuesUntilAttemptsRunOut() {
        Run first = queued(2).start("w1", "cpu:0", T).leaseExpired(T);
        assertThat(first.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(first.workerId()).isNull();
        Run second = first.start("w2", "cpu:0", T).leaseExpired(T);
        assertThat(second.status()).isEqualTo(RunStatus.FAILED);
        assertThat(second.failureReason()).contains("w2").contains("attempt 2 of 2");
    }

    @Test
    void rerunGivesFailedAndCancelledRunsAFreshBudget() {
        Run failed = queued(1).start("w", "cpu:0", T).fail("boom", T);
        Run again = failed.requeue();
        assertThat(again.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(again.attempts()).isZero();
        assertThat(again.failureReason()).isNull();
        assertThat(queued(1).cancel(T).requeue().status()).isEqualTo(RunStatus.QUEUED);
    }
}
