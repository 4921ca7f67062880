package org.escnet.adapters.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** Row of table {@code run}. Converted to and from the domain's {@link org.escnet.domain.experiment.Run} by {@link RunRows}. */
@Entity
@Table(name = "run")
public class RunEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "grid_id")
    public long gridId;
    @Column(name = "cell_key")
    public String cellKey;
    @Column(name = "cell_label")
    public String cellLabel;
    @ColumnTransformer(write = "?::jsonb")
    public String overrides;
    @ColumnTransformer(write = "?::jsonb")
    public String config;
    public long seed;
    @Column(name = "device_kind")
    public String deviceKind;
    public int priority;
    public String status;
    public int attempts;
    @Column(name = "max_attempts")
    public int maxAttempts;
    @Column(name = "worker_id")
    public String workerId;
    public String device;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
