package org.claimledger.common.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Lets a start skip Flyway when the database already holds exactly the migrations this build ships.
 * Starting Flyway to find nothing to do took 0.1-2.6 s of every start on the main thread (its
 * classes, its configuration, its scan and validation); this asks PostgreSQL one question instead: the
 * schema history's versions and checksums, compared with the migration files', checksummed as
 * Flyway does. Only an exact match skips: the same versions in the same order, every one applied
 * successfully, every checksum equal. Anything else (a fresh database, a migration to apply, a
 * changed or failed one, a newer schema, history that cannot be read) leaves the start to Flyway,
 * which migrates or refuses as before.
 */
public final class MigrationGate {

    /** The migrations' location in the jar; Flyway's default, which the service uses. */
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.+\\.sql");

    /**
     * One versioned migration, as a file of the build or a row of the schema history: its version and
     * checksum (not its script name, which Flyway records with or without the location's path).
     */
    record Migration(String version, int checksum) {
    }

    private MigrationGate() {
    }

    /**
     * Before Quarkus starts: turns Flyway's migration at start off when the configured database is
     * up to date. Does nothing when the migration is off already or the datasource is not set by
     * system property or environment (then Flyway decides, as always).
     */
    public static void skipFlywayWhenUpToDate() {
        String migrate = setting("quarkus.flyway.migrate-at-start", "QUARKUS_FLYWAY_MIGRATE_AT_START");
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if ("false".equalsIgnoreCase(migrate) || url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        Properties login = new Properties();
        putIfSet(login, "user", setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME"));
        putIfSet(login, "password", setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD"));
        login.setProperty("connectTimeout", "5");
        login.setProperty("socketTimeout", "10");
        // the driver itself, not DriverManager: before Quarkus starts, DriverManager looks for drivers
        // with the launcher's class loader, which does not see the application's libraries
        try (Connection c = new org.postgresql.Driver().connect(url, login)) {
            if (upToDate(c, shipped())) {
                System.setProperty("quarkus.flyway.migrate-at-start", "false");
            }
        } catch (SQLException | RuntimeException e) {
            // Flyway will say what is wrong with the database, or migrate it
            System.err.println("Flyway checks the schema at start: " + e);
        }
    }

    /** Whether the database's schema history records exactly these migrations, all applied successfully. */
    static boolean upToDate(Connection c, List<Migration> shipped) throws SQLException {
        if (shipped.isEmpty()) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
            List<Migration> applied = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select version, checksum, success, type"
                    + " from flyway_schema_history order by installed_rank")) {
                while (rs.next()) {
                    if (!rs.getBoolean("success") || !"SQL".equals(rs.getString("type")) || rs.getString("version") == null) {
                        return false; // a failed, baseline, repeatable or Java migration: Flyway's to judge
                    }
                    Integer checksum = (Integer) rs.getObject("checksum");
                    if (checksum == null) {
                        return false;
                    }
                    applied.add(new Migration(rs.getString("version"), checksum));
                }
            }
            return applied.equals(shipped);
        }
    }

    /** The build's versioned migrations in version order, with Flyway's checksums. */
    static List<Migration> shipped() {
        ClassLoader loader = MigrationGate.class.getClassLoader();
        return migrations(listing(), name -> {
            try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
                return checksum(Objects.requireNonNull(in, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<Migration> migrations(List<String> fileNames, Function<String, Integer> checksums) {
        List<Migration> out = new ArrayList<>();
        for (String name : fileNames) {
            Matcher m = VERSIONED.matcher(name);
            if (!m.matches()) {
                // a repeatable migration or a callback: the gate does not know them, Flyway must run
                throw new IllegalStateException("not a versioned migration: " + name);
            }
            out.add(new Migration(m.group(1).replace('_', '.'), checksums.apply(name)));
        }
        out.sort(Comparator.comparing(Migration::version, MigrationGate::compareVersions));
        return out;
    }

    /** Flyway's checksum of a migration: CRC-32 of its lines' UTF-8 bytes, without line breaks or a BOM. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            var p = new java.math.BigInteger(i < x.length ? x[i] : "0");
            var q = new java.math.BigInteger(i < y.length ? y[i] : "0");
            if (p.compareTo(q) != 0) {
                return p.compareTo(q);
            }
        }
        return 0;
    }

    /** The file names under db/migration in the application's jar (or classes directory, in development). */
    private static List<String> listing() {
        try {
            Path where = Path.of(MigrationGate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.list(where.resolve(LOCATION))) {
                    return files.map(p -> p.getFileName().toString()).sorted().toList();
                }
            }
            try (JarFile jar = new JarFile(where.toFile())) {
                String prefix = LOCATION + "/";
                return jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.length() > prefix.length() && n.indexOf('/', prefix.length()) < 0)
                        .map(n -> n.substring(prefix.length())).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }
}
