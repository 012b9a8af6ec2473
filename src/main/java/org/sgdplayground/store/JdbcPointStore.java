package org.sgdplayground.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.sgdplayground.data.Dataset;

/**
 * The point store on a SQL database through plain JDBC: H2 or PostgreSQL (see {@link Database}), a HikariCP pool,
 * the schema created and versioned by Flyway ({@code db/migration}) when it opens. The only code that writes SQL.
 *
 * <p>A save is one transaction: if the id is there already, done; else the usage row is raised only while it stays
 * within the quota (an {@code UPDATE … WHERE} that changes no row when it would not), then the set is inserted, then
 * the commit, and only then the answer. Two servers saving the same set at once collide on the primary key; the
 * loser finds the winner's row. The usage row also orders concurrent inserts, so the quota holds across servers.
 */
public final class JdbcPointStore implements PointStore {
    /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final HikariDataSource pool;
    private final StoreLimits limits;
    private final RecentSets recent;
    private final Database database;

    private JdbcPointStore(HikariDataSource pool, StoreLimits limits, Database database) {
        this.pool = pool;
        this.limits = limits;
        this.recent = new RecentSets(limits.cachedPoints());
        this.database = database;
    }

    /**
     * Opens the store: the pool, then Flyway's migrations (several servers opening one database at once take turns).
     *
     * @throws Unavailable when the database cannot be reached or migrated
     */
    public static JdbcPointStore open(Database database, StoreLimits limits) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("points");
        config.setJdbcUrl(database.jdbcUrl());
        if (database.user() != null) config.setUsername(database.user());
        if (database.password() != null) config.setPassword(database.password());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(database.isPostgres() ? 8 : 4);
        config.setMinimumIdle(1);
        // a database that is down answers 503 within about two seconds, not after Hikari's 30; a server starting
        // while it is down gives up as soon and tries again in the background (RetryingPointStore)
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(2_000);
        if (database.isPostgres()) {
            config.addDataSourceProperty("connectTimeout", "2"); // seconds, as PgJDBC counts them
            config.addDataSourceProperty("socketTimeout", "10"); // a database that hangs mid-query frees the request
        }
        HikariDataSource pool;
        try {
            if (database.jdbcUrl().startsWith("jdbc:h2:file:")) createFolderOf(database);
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot open the point store (" + database + "): " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new Unavailable("cannot create or update the point store's tables (" + database + "): " + e.getMessage(), e);
        }
        return new JdbcPointStore(pool, limits, database);
    }

    private static void createFolderOf(Database database) {
        String path = database.jdbcUrl().substring("jdbc:h2:file:".length()).split(";", 2)[0];
        try {
            Files.createDirectories(Path.of(path).getParent());
        } catch (java.io.IOException e) {
            throw new Unavailable("cannot create the data folder for " + path + ": " + e.getMessage(), e);
        }
    }

    public Database database() {
        return database;
    }

    @Override
    public Saved save(Dataset points) {
        byte[] bytes = PointIds.bytes(points);
        String id = PointIds.of(bytes);
        if (recent.get(id) != null) return new Saved(id, points.size(), false); // in memory only once committed
        try (Connection c = pool.getConnection()) {
            try {
                boolean created = !exists(c, id);
                if (created) {
                    reserve(c, bytes.length);
                    insert(c, id, points.size(), bytes);
                }
                c.commit();
                recent.put(id, points);
                return new Saved(id, points.size(), created);
            } catch (SQLException e) {
                c.rollback();
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
                recent.put(id, points); // another server (or thread) committed the same set first
                return new Saved(id, points.size(), false);
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Unavailable("the point store could not save: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Dataset> find(String id) {
        if (!PointIds.isWellFormed(id)) return Optional.empty();
        Dataset known = recent.get(id);
        if (known != null) return Optional.of(known);
        try (Connection c = pool.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT n, points FROM point_set WHERE id = ?")) {
            q.setString(1, id);
            Dataset found = null;
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    int n = r.getInt(1);
                    found = PointIds.points(r.getBytes(2));
                    if (found.size() != n) throw new SQLException("set " + id + " has " + found.size() + " points stored but n = " + n);
                }
            }
            c.commit();
            if (found == null) return Optional.empty();
            recent.put(id, found);
            return Optional.of(found);
        } catch (SQLException e) {
            throw new Unavailable("the point store could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Usage usage() {
        try (Connection c = pool.getConnection()) {
            Usage u = usage(c);
            c.commit();
            return u;
        } catch (SQLException e) {
            throw new Unavailable("the point store could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM point_set WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Counts one more set of {@code bytes} in the usage row, or throws {@link Full} (the caller rolls back). */
    private void reserve(Connection c, long bytes) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
            "UPDATE point_store_usage SET sets = sets + 1, bytes = bytes + ? WHERE singleton = 1 AND sets + 1 <= ? AND bytes + ? <= ?")) {
            u.setLong(1, bytes);
            u.setLong(2, limits.maxSets());
            u.setLong(3, bytes);
            u.setLong(4, limits.maxBytes());
            if (u.executeUpdate() == 1) return;
        }
        Usage now = usage(c);
        if (now.sets() + 1 > limits.maxSets()) {
            throw new Full("sets", "the point store is full: it holds " + now.sets() + " sets, the most it may ("
                + limits.maxSets() + "); sets already stored stay readable, and posting one of them still answers its id");
        }
        throw new Full("bytes", "the point store is full: it holds " + now.bytes() + " bytes of points and these " + bytes
            + " would pass its quota of " + limits.maxBytes() + "; sets already stored stay readable");
    }

    private static void insert(Connection c, String id, int n, byte[] bytes) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO point_set (id, n, points) VALUES (?, ?, ?)")) {
            i.setString(1, id);
            i.setInt(2, n);
            i.setBytes(3, bytes);
            i.executeUpdate();
        }
    }

    private static Usage usage(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT sets, bytes FROM point_store_usage WHERE singleton = 1");
             ResultSet r = q.executeQuery()) {
            if (!r.next()) throw new SQLException("the point store's usage row is missing");
            return new Usage(r.getLong(1), r.getLong(2));
        }
    }
}
