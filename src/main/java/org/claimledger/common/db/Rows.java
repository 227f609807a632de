package org.claimledger.common.db;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Reads rows straight into records with JDBC, on the session's connection, for the reads a page or a
 * GET makes of many rows it only shows: no entity is hydrated, registered in the persistence context
 * or snapshotted for dirty checking (a third of a list's CPU went there). Inside a transaction the
 * session is flushed first, as Hibernate does before a native query, so a read sees the
 * transaction's own changes.
 */
public final class Rows {

    /** One row of a result set as a record. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A named parameter: a colon, not after another or a word character, then a name. */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9_]*)");

    private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();

    /** A statement with its named parameters replaced by {@code ?}, and their names in order. */
    private record Positional(String sql, List<String> names) {

        static Positional of(String sql) {
            List<String> names = new ArrayList<>();
            Matcher named = NAMED.matcher(sql);
            StringBuilder positional = new StringBuilder(sql.length());
            while (named.find()) {
                names.add(named.group(1));
                named.appendReplacement(positional, "?");
            }
            named.appendTail(positional);
            return new Positional(positional.toString(), List.copyOf(names));
        }
    }

    private Rows() {
    }

    /** The rows of {@code sql}, whose one parameter is these ids bound as a {@code uuid[]}. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> byIds(EntityManager entities, String sql, Collection<UUID> ids, Mapper<T> mapper) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return (List<T>) all(entities, sql, List.of(ids), mapper).get(0);
    }

    /**
     * The rows of {@code sql}, whose parameters are named {@code :name} as in a Hibernate native
     * query, bound from {@code params} (an Instant as a timestamptz, the rest as the driver binds
     * their types).
     */
    public static <T> List<T> query(EntityManager entities, String sql, Map<String, Object> params, Mapper<T> mapper) {
        Positional statement = POSITIONAL.get(sql);
        if (statement == null) {
            statement = Positional.of(sql);
            if (POSITIONAL.size() < 1024) { // a pure function of the text: never stale, and bounded
                POSITIONAL.put(sql, statement);
            }
        }
        List<Object> values = new ArrayList<>(statement.names().size());
        for (String name : statement.names()) {
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            values.add(params.get(name));
        }
        String text = statement.sql();
        Session session = entities.unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            session.flush();
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(text)) {
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    prepared.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
                }
                try (ResultSet rows = prepared.executeQuery()) {
                    return read(rows, mapper);
                }
            }
        });
    }

    /**
     * Several statements in one exchange with PostgreSQL: the driver sends them together, behind
     * one Sync, and PostgreSQL answers them in order, so a claim and its children, or a page's
     * sources and links, cost one round trip instead of one per statement. The statements are
     * separated by {@code ;}, their parameters are {@code ?} in order across all of them, bound
     * from {@code values} (a collection of UUIDs as one {@code uuid[]}, the rest as the driver
     * binds their types); each statement's rows are read by the mapper of the same position.
     */
    public static List<List<?>> all(EntityManager entities, String sql, List<?> values, Mapper<?>... mappers) {
        Session session = entities.unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            session.flush();
        }
        return session.doReturningWork(connection -> {
            List<Array> arrays = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof Collection<?> ids) {
                        Array array = connection.createArrayOf("uuid", ids.toArray());
                        arrays.add(array);
                        statement.setArray(i + 1, array);
                    } else {
                        statement.setObject(i + 1, values.get(i));
                    }
                }
                List<List<?>> out = new ArrayList<>(mappers.length);
                boolean rowsNext = statement.execute();
                for (Mapper<?> mapper : mappers) {
                    if (!rowsNext) {
                        throw new IllegalStateException("fewer result sets than mappers in: " + sql);
                    }
                    try (ResultSet result = statement.getResultSet()) {
                        out.add(read(result, mapper));
                    }
                    rowsNext = statement.getMoreResults();
                }
                return out;
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
        });
    }

    private static <T> List<T> read(ResultSet rows, Mapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        while (rows.next()) {
            out.add(mapper.map(rows));
        }
        return out;
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** A date column (null stays null). */
    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** A real column (null stays null). */
    public static Float real(ResultSet row, String column) throws SQLException {
        float value = row.getFloat(column);
        return row.wasNull() ? null : value;
    }

    /** A text[] column as a list (null stays null). */
    public static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    /** A timestamptz column as an Instant (null stays null). */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A varchar column holding an enum's name (null stays null). */
    public static <E extends Enum<E>> E enumOf(ResultSet row, String column, Class<E> type) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
