package org.claimledger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.claimledger.common.db.EmbeddedDatabase;
import org.claimledger.common.db.MigrationGate;
import org.claimledger.ledger.VerifyLedger;

/**
 * Starts the service. With no datasource configured, it first starts the embedded PostgreSQL so
 * that one command gives a working service; with {@code QUARKUS_DATASOURCE_JDBC_URL} set, it uses
 * that database and starts nothing else. {@code verify-ledger ...} runs the ledger verifier instead.
 */
@QuarkusMain
public class ClaimLedgerMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("verify-ledger")) {
            // a client of some service's ledger: no database, no HTTP server
            System.exit(VerifyLedger.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        try {
            EmbeddedDatabase.startUnlessConfigured();
        } catch (EmbeddedDatabase.DataDirectoryInUse e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(3);
        }
        // a database that holds exactly this build's migrations needs no Flyway at start (start-up time)
        MigrationGate.skipFlywayWhenUpToDate();
        Quarkus.run(args);
    }
}
