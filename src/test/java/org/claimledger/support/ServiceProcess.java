package org.claimledger.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service in a child process on a loopback port, as an operator runs it; stopped with SIGTERM. */
public record ServiceProcess(Process process, Path logFile, int port, HttpClient http) implements AutoCloseable {

    public static final String KEY = "cl_integration-test-admin-key-0123456789";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static ServiceProcess start(Map<String, String> env, Path logFile, int port, HttpClient http) throws Exception {
        // the JVM options and environment of the README's command, as a user starts the built service
        ReadmeCommand readme = ReadmeCommand.read();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(readme.jvmOptions());
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CLAIMS_"));
        builder.environment().putAll(readme.env());
        builder.environment().putAll(env);
        // the management interface (metrics) on a free port too, so that several instances never collide
        builder.environment().putIfAbsent("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
        var service = new ServiceProcess(builder.start(), logFile, port, http);
        service.awaitReady();
        return service;
    }

    void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited early:\n" + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service not ready in 180 s (a shared, busy machine starts slowly):\n" + log());
    }

    public String log() throws IOException {
        return Files.readString(logFile);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, Map.of());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, Map.of());
    }

    public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + KEY);
        if (json != null) {
            builder.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        headers.forEach(builder::setHeader);
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("service did not stop within 60 s of SIGTERM:\n" + log());
        }
    }
}
