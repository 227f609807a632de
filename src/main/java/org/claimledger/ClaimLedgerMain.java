package org.claimledger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.claimledger.common.db.EmbeddedDatabase;

/**
 * Starts the service. With no datasource configured, it first starts the embedded PostgreSQL so
 * that one command gives a working service; with {@code QUARKUS_DATASOURCE_JDBC_URL} set, it uses
 * that database and starts nothing else.
 */
@QuarkusMain
public class ClaimLedgerMain {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
