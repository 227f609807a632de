package org.claimledger.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which database failures are answered 503 (retry later) rather than 500. */
class DatabaseUnreachableTest {

    @Test
    void shouldTreatLostConnectionsAndPoolTimeoutsAsUnavailable() {
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemMapper.databaseUnreachable(
                new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(ProblemMapper.databaseUnreachable(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void shouldNotTreatBrokenRulesAsUnavailable() {
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMapper.databaseUnreachable(new IllegalStateException("bug"))).isFalse();
    }
}
