package org.claimledger.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.claimledger.common.error.ProblemException;
import org.junit.jupiter.api.Test;

/** Opaque, tamper-evident cursors bound to their query, without booting the service. */
class CursorTest {

    private static final UUID ID = UUID.fromString("0190a5c4-7b3e-7c1a-9f00-0123456789ab");
    private static final String QUERY = Cursor.fingerprint("claims", "status=VERIFIED", "createdAt");

    @Test
    void shouldRoundTripATimestampCursor() {
        Instant at = Instant.parse("2021-08-26T13:50:00.123456Z");
        Cursor decoded = Cursor.decode(Cursor.at(at, ID, QUERY).encode(), QUERY);
        assertThat(decoded.instant()).isEqualTo(at);
        assertThat(decoded.id()).isEqualTo(ID);
    }

    @Test
    void shouldRoundTripARankedCursor() {
        assertThat(Cursor.decode(Cursor.ranked(0.0759f, ID, QUERY).encode(), QUERY).rank()).isEqualTo(0.0759f);
    }

    @Test
    void shouldEncodeAsUrlSafeTextWithoutPadding() {
        assertThat(Cursor.at(Instant.EPOCH, ID, QUERY).encode()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void shouldTreatAMissingCursorAsTheFirstPage() {
        assertThat(Cursor.decode(null, QUERY)).isNull();
        assertThat(Cursor.decode("", QUERY)).isNull();
    }

    @Test
    void shouldRefuseATamperedCursor() {
        String text = Cursor.at(Instant.EPOCH, ID, QUERY).encode();
        String tampered = (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);
        for (String bad : new String[] {tampered, "no-dot", "%%%.%%%", text + "x"}) {
            assertThatThrownBy(() -> Cursor.decode(bad, QUERY)).as(bad).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("cursor is not valid");
        }
    }

    @Test
    void shouldRefuseACursorOfAnotherQuery() {
        String text = Cursor.at(Instant.EPOCH, ID, QUERY).encode();
        String other = Cursor.fingerprint("claims", "status=FALSE", "createdAt");
        assertThatThrownBy(() -> Cursor.decode(text, other)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("other filters or another sort");
    }

    @Test
    void shouldFingerprintQueriesStablyAndDistinctly() {
        assertThat(Cursor.fingerprint("claims", "status=VERIFIED", "createdAt")).isEqualTo(QUERY);
        assertThat(Cursor.fingerprint("claims", "status=VERIFIED", "updatedAt")).isNotEqualTo(QUERY);
    }
}
