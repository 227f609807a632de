package org.claimledger.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which database failures are answered 503 (retry later) rather than 500. */
class DatabaseUnreachableTest {

    @Test
    void shouldTreatLostConnectionsAsUnavailable() {
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemMapper.databaseUnreachable(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void shouldNotTreatBrokenRulesAsUnavailable() {
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMapper.databaseUnreachable(new IllegalStateException("bug"))).isFalse();
        assertThat(ProblemMapper.databaseUnreachable(new SQLException("Sorry, acquisition timeout!")))
                .as("the wording alone, raised anywhere but the pool").isFalse();
    }

    @Test
    void shouldFindTheConnectionFailureOfAFailedCommitAmongSuppressedExceptions() {
        var commit = new jakarta.transaction.RollbackException("ARJUNA016053: one-phase commit failed");
        commit.addSuppressed(new javax.transaction.xa.XAException(javax.transaction.xa.XAException.XAER_RMFAIL));
        commit.getSuppressed()[0].initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        var thrown = new RuntimeException(commit);

        assertThat(ProblemMapper.chain(thrown)).anyMatch(ProblemMapper::databaseUnreachable)
                .anyMatch(ProblemMapper::commitFailure);
    }

    @Test
    void shouldRecogniseAClientThatWentAway() {
        assertThat(ProblemMapper.clientGone(new io.vertx.core.http.HttpClosedException("Connection was closed"))).isTrue();
        assertThat(ProblemMapper.clientGone(new java.io.IOException("Connection reset by peer"))).isTrue();
        assertThat(ProblemMapper.clientGone(new java.io.IOException("No space left on device"))).isFalse();
    }
}
