-- Processes working the job queue (the app, a CLI run) say they are alive every second. A running job
-- whose process stopped saying so is claimed again within seconds, instead of after the long lease.
CREATE TABLE runners (
    id           TEXT    PRIMARY KEY,
    pid          INTEGER NOT NULL,
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
);
ALTER TABLE jobs ADD COLUMN runner_id TEXT;
