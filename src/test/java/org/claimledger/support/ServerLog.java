package org.claimledger.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's log in tests (target/quarkus-test.log), read to explain an unexpected 500. */
public final class ServerLog {

    private static final Path FILE = Path.of("target", "quarkus-test.log");
    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f-]{36})");

    private ServerLog() {
    }

    /** The log lines from the incident a problem body names, with the first lines of its stack trace. */
    public static String incident(String problemBody) {
        Matcher m = INCIDENT.matcher(problemBody == null ? "" : problemBody);
        if (!m.find()) {
            return "(the body names no incident)";
        }
        try {
            List<String> lines = Files.readAllLines(FILE);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains("incident " + m.group(1))) {
                    return String.join("\n", lines.subList(i, Math.min(lines.size(), i + 40)));
                }
            }
            return "(incident " + m.group(1) + " not in " + FILE + ")";
        } catch (IOException e) {
            return "(cannot read " + FILE + ": " + e + ")";
        }
    }
}
