package org.claimledger.common.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says in the log, once at start, which database the service uses. */
@Singleton
class DatabaseBanner {

    private static final Logger LOG = Logger.getLogger(DatabaseBanner.class);

    void onStart(@Observes StartupEvent event, AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        String version;
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            version = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            version = "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
        String dataDir = System.getProperty(EmbeddedDatabase.ACTIVE_PROPERTY);
        if (dataDir != null) {
            if (Boolean.getBoolean(EmbeddedDatabase.CREATED_PROPERTY)) {
                LOG.infof("Created the embedded database in %s (PostgreSQL's own log: %s%s)", dataDir, dataDir,
                        EmbeddedDatabase.LOG_SUFFIX);
            }
            LOG.infof("Database: embedded %s at %s, data in %s", version, masked(url), dataDir);
        } else {
            LOG.infof("Database: external %s at %s", version, masked(url));
        }
    }

    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
