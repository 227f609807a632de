package org.claimledger.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimledger.support.MigrationDatabases.connect;
import static org.claimledger.support.MigrationDatabases.flyway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.claimledger.support.MigrationDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start skips Flyway only when the database holds exactly the migrations of this build; every other
 * database is left to Flyway, which migrates it or refuses it as before.
 */
class MigrationGateTest {

    private static final String MIGRATE_AT_START = "quarkus.flyway.migrate-at-start";
    @RegisterExtension
    static final MigrationDatabases databases = new MigrationDatabases("gate");

    @Test
    void shouldSkipFlywayOnADatabaseThatHoldsExactlyTheMigrationsOfThisBuild() throws SQLException {
        String url = newDatabase();
        flyway(url, "latest").migrate();
        try (Connection c = connect(url)) {
            assertThat(MigrationGate.shipped()).hasSize(flyway(url, "latest").info().applied().length);
            // the checksums computed here are Flyway's own, or this would be false
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isTrue();
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            // as Quarkus's Flyway records them, with the location's path
            s.execute("update flyway_schema_history set script = 'db/migration/' || script");
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isTrue();
        }
    }

    @Test
    void shouldLeaveAFreshDatabaseToFlyway() throws SQLException {
        try (Connection c = connect(newDatabase())) {
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isFalse();
        }
    }

    @Test
    void shouldLeaveADatabaseWithAMigrationToApplyToFlyway() throws SQLException {
        String url = newDatabase();
        MigrationInfo[] all = flyway(url, "latest").info().all();
        flyway(url, all[all.length - 2].getVersion().getVersion()).migrate();
        try (Connection c = connect(url)) {
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isFalse();
        }
    }

    @Test
    void shouldLeaveAChangedMigrationToFlywayWhichRefusesIt() throws SQLException {
        String url = newDatabase();
        flyway(url, "latest").migrate();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("update flyway_schema_history set checksum = checksum + 1 where version = '3'");
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isFalse();
        }
        assertThatThrownBy(() -> flyway(url, "latest").migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void shouldLeaveANewerOrFailedSchemaToFlyway() throws SQLException {
        String url = newDatabase();
        flyway(url, "latest").migrate();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) values (999, '999', 'from a newer build', 'SQL',"
                    + " 'V999__from_a_newer_build.sql', 1, 'postgres', 1, true)");
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isFalse();
            s.execute("update flyway_schema_history set success = false where version = '999'");
            assertThat(MigrationGate.upToDate(c, MigrationGate.shipped())).isFalse();
        }
    }

    @Test
    void shouldTurnTheMigrationAtStartOffOnlyForAnUpToDateDatabase() throws SQLException {
        String current = newDatabase();
        flyway(current, "latest").migrate();
        assertThat(skipsFlyway(current)).isTrue();
        assertThat(skipsFlyway(newDatabase())).isFalse();
        assertThat(skipsFlyway("jdbc:postgresql://127.0.0.1:1/unreachable")).isFalse();
    }

    @Test
    void shouldChecksumAMigrationAsFlywayDoesWhateverItsLineEndings() throws IOException {
        int unix = MigrationGate.checksum(bytes("create table a (id int);\nselect 1;\n"));
        assertThat(MigrationGate.checksum(bytes("\uFEFFcreate table a (id int);\r\nselect 1;\r\n"))).isEqualTo(unix);
        assertThat(MigrationGate.checksum(bytes("create table a (id bigint);\nselect 1;\n"))).isNotEqualTo(unix);
    }

    @Test
    void shouldOrderMigrationsByVersionNumberAndRefuseFilesItDoesNotKnow() {
        List<MigrationGate.Migration> ordered = MigrationGate.migrations(
                List.of("V10__ten.sql", "V2__two.sql", "V2_1__two_one.sql"), name -> 0);
        assertThat(ordered).extracting(MigrationGate.Migration::version).containsExactly("2", "2.1", "10");
        assertThatThrownBy(() -> MigrationGate.migrations(List.of("R__view.sql"), name -> 0))
                .isInstanceOf(IllegalStateException.class);
    }

    private static boolean skipsFlyway(String url) {
        String[] keys = {"quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
                MIGRATE_AT_START};
        try {
            System.setProperty(keys[0], url);
            System.setProperty(keys[1], "postgres");
            System.setProperty(keys[2], "postgres");
            MigrationGate.skipFlywayWhenUpToDate();
            return "false".equals(System.getProperty(MIGRATE_AT_START));
        } finally {
            for (String key : keys) {
                System.clearProperty(key);
            }
        }
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String newDatabase() throws SQLException {
        return databases.newDatabase();
    }
}
