-- Grids and their runs. A run is one cell of a grid; (grid_id, cell_key) is unique, so submitting a grid again can
-- only add missing cells.
CREATE TABLE grid (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    description TEXT         NOT NULL DEFAULT '',
    document    TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE run (
    id              BIGSERIAL PRIMARY KEY,
    grid_id         BIGINT       NOT NULL REFERENCES grid (id),
    cell_key        CHAR(32)     NOT NULL,
    cell_label      TEXT         NOT NULL,
    overrides       JSONB        NOT NULL,
    config          JSONB        NOT NULL,
    seed            BIGINT       NOT NULL,
    device_kind     VARCHAR(8)   NOT NULL DEFAULT 'any',   -- any | cpu | gpu: which slots may claim it
    priority        INTEGER      NOT NULL DEFAULT 0,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    max_attempts    INTEGER      NOT NULL,
    worker_id       VARCHAR(200),
    device          VARCHAR(32),
    lease_until     TIMESTAMPTZ,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    failure_reason  TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    CONSTRAINT run_status_known CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    CONSTRAINT run_cell_unique UNIQUE (grid_id, cell_key)
);
-- The claim query scans queued runs by priority; expired leases are found among running ones.
CREATE INDEX run_queue_idx ON run (priority DESC, id) WHERE status = 'QUEUED';
CREATE INDEX run_lease_idx ON run (lease_until) WHERE status = 'RUNNING';
CREATE INDEX run_grid_status_idx ON run (grid_id, status);

-- Tracking: PostgreSQL is the source of truth.
CREATE TABLE run_param (
    run_id BIGINT       NOT NULL REFERENCES run (id),
    key    VARCHAR(250) NOT NULL,
    value  TEXT         NOT NULL,
    PRIMARY KEY (run_id, key)
);

CREATE TABLE run_metric (
    id      BIGSERIAL PRIMARY KEY,
    run_id  BIGINT           NOT NULL REFERENCES run (id),
    key     VARCHAR(250)     NOT NULL,
    step    BIGINT           NOT NULL,
    value   DOUBLE PRECISION NOT NULL,
    time    TIMESTAMPTZ      NOT NULL
);
CREATE INDEX run_metric_series_idx ON run_metric (run_id, key, step);

CREATE TABLE run_event (
    id      BIGSERIAL PRIMARY KEY,
    run_id  BIGINT      NOT NULL REFERENCES run (id),
    time    TIMESTAMPTZ NOT NULL,
    kind    VARCHAR(32) NOT NULL,
    message TEXT        NOT NULL,
    detail  TEXT
);
CREATE INDEX run_event_run_idx ON run_event (run_id, id);

CREATE TABLE run_artifact (
    run_id     BIGINT        NOT NULL REFERENCES run (id),
    path       VARCHAR(1000) NOT NULL,
    file       TEXT          NOT NULL,
    media_type VARCHAR(100)  NOT NULL,
    size_bytes BIGINT        NOT NULL,
    sha256     CHAR(64)      NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, path)
);

-- Records waiting for mirrors (MLflow), written in the same transaction as the tables above and delivered in id order.
CREATE TABLE tracking_outbox (
    id           BIGSERIAL PRIMARY KEY,
    run_id       BIGINT      NOT NULL REFERENCES run (id),
    kind         VARCHAR(16) NOT NULL,
    payload      JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at TIMESTAMPTZ,
    failures     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX tracking_outbox_pending_idx ON tracking_outbox (id) WHERE delivered_at IS NULL;
