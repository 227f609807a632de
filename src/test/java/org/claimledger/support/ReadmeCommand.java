package org.claimledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's command for running the built service (the "start the service" row of "Two
 * commands"): its environment ({@code MALLOC_ARENA_MAX=2}) and its JVM options, so that the packaged
 * service runs in the tests as a user runs it, and the image is checked against it. The benchmark
 * (src/bench/bench.py) reads the same row.
 */
public record ReadmeCommand(Map<String, String> env, List<String> jvmOptions) {

    private static final Pattern COMMAND = Pattern.compile(
            "&& ((?:[A-Z_]+=\\S+ )*)java ((?:-\\S+ )*)-jar target/quarkus-app/quarkus-run\\.jar`");

    public static ReadmeCommand read() {
        try {
            String row = Files.readAllLines(Path.of("README.md")).stream()
                    .filter(line -> line.startsWith("| start the service")).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md has no 'start the service' row"));
            Matcher m = COMMAND.matcher(row);
            if (!m.find()) {
                throw new AssertionError("README.md's 'start the service' row has no "
                        + "'&& [VAR=value ...] java [options] -jar target/quarkus-app/quarkus-run.jar': " + row);
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String assignment : m.group(1).trim().split(" ")) {
                if (!assignment.isEmpty()) {
                    env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
                }
            }
            List<String> options = m.group(2).isBlank() ? List.of() : Arrays.asList(m.group(2).trim().split(" "));
            return new ReadmeCommand(env, List.copyOf(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
