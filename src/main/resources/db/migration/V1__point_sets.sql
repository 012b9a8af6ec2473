-- Points people stored (SPEC §6), one row a set, addressed by a hash of the exact doubles (store/PointIds).
-- Written for both H2 and PostgreSQL: plain types only.
CREATE TABLE point_set (
    id         VARCHAR(32) NOT NULL PRIMARY KEY,
    n          INTEGER     NOT NULL CHECK (n >= 2),
    -- x[0..n) then y[0..n), each an IEEE-754 double, big-endian: 16·n bytes
    points     BYTEA       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- What the store holds, kept in the same transaction as each insert so that the quota is exact across servers
-- sharing one database (its one row is the lock that orders their inserts).
CREATE TABLE point_store_usage (
    singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
    sets      BIGINT  NOT NULL,
    bytes     BIGINT  NOT NULL
);
INSERT INTO point_store_usage (singleton, sets, bytes) VALUES (1, 0, 0);
