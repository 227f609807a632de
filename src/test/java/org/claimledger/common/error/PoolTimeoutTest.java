package org.claimledger.common.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The pool's own time-out, as Agroal really raises it, is a 503 (retry later), whatever its wording. */
@QuarkusTest
class PoolTimeoutTest {

    @Test
    void shouldTreatAnExhaustedPoolAsUnavailable() throws SQLException {
        var config = ConfigProvider.getConfig();
        var supplier = new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool
                .maxSize(1).acquisitionTimeout(Duration.ofMillis(200))
                .connectionFactoryConfiguration(factory -> factory
                        .jdbcUrl(config.getValue("quarkus.datasource.jdbc.url", String.class))
                        .principal(new NamePrincipal(config.getValue("quarkus.datasource.username", String.class)))
                        .credential(new SimplePassword(config.getValue("quarkus.datasource.password", String.class)))));
        try (AgroalDataSource dataSource = AgroalDataSource.from(supplier); Connection held = dataSource.getConnection()) {
            SQLException timeout = catchThrowableOfType(SQLException.class, dataSource::getConnection);

            assertThat((Throwable) timeout).as("a second connection from a pool of one").isNotNull();
            assertThat(timeout.getSQLState()).isNull();
            assertThat(ProblemMapper.databaseUnreachable(timeout)).isTrue();
            assertThat(ProblemMapper.chain(new RuntimeException(timeout))).anyMatch(ProblemMapper::databaseUnreachable);
        }
    }
}
