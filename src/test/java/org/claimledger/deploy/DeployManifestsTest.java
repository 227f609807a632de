package org.claimledger.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimledger.support.ApiTest;
import org.claimledger.support.ReadmeCommand;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every manifest under deploy/ with the fabric8 Kubernetes model and checks it against the
 * running service: probe paths answer, ports match, replicas and resources are set, and every
 * environment variable is one the service documents in its configuration table.
 */
@QuarkusTest
class DeployManifestsTest extends ApiTest {

    private static final List<HasMetadata> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        RESOURCES.clear();
        try (Stream<Path> files = Files.walk(Path.of("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Object parsed = Serialization.unmarshal(in);
                    assertThat(parsed).as(file.toString()).isInstanceOf(HasMetadata.class);
                    RESOURCES.add((HasMetadata) parsed);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> T one(Class<T> type) {
        return (T) RESOURCES.stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " under deploy/k8s"));
    }

    private static GenericKubernetesResource custom(String kind) {
        return RESOURCES.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " under deploy/k8s"));
    }

    @Test
    void shouldRunAtLeastTwoHardenedReplicasWithResources() {
        Deployment deployment = one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(20L);
        for (Container container : pod.getContainers()) {
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("memory");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        }
        assertThat(one(HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldProbePathsAndPortsTheServiceHas() {
        Container container = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        List<HTTPGetAction> probes = List.of(container.getStartupProbe().getHttpGet(),
                container.getReadinessProbe().getHttpGet(), container.getLivenessProbe().getHttpGet());
        for (HTTPGetAction probe : probes) {
            assertThat(probe.getPort().getStrVal()).isEqualTo("http");
            given().header("Authorization", "").when().get(probe.getPath()).then().statusCode(200);
        }
        assertThat(probes.stream().map(HTTPGetAction::getPath))
                .containsExactly("/q/health/started", "/q/health/ready", "/q/health/live");
    }

    @Test
    void shouldScrapeMetricsOnTheManagementPortThatTheServiceDoesNotExpose() throws IOException {
        // the port the service is configured with (a test run listens on a random one)
        var properties = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        int managementPort = Integer.parseInt(properties.getProperty("quarkus.management.port"));
        Deployment deployment = one(Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("management");
            assertThat(p.getContainerPort()).isEqualTo(managementPort);
        });
        var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", Integer.toString(managementPort));
        given().header("Authorization", "").port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class))
                .when().get(annotations.get("prometheus.io/path")).then().statusCode(200);
        assertThat(one(io.fabric8.kubernetes.api.model.Service.class).getSpec().getPorts())
                .allSatisfy(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/compose/compose.yaml").toFile());
        List<String> published = new ArrayList<>();
        compose.path("services").path("claim-ledger").path("ports").forEach(p -> published.add(p.asText()));
        assertThat(published).contains("127.0.0.1:" + managementPort + ":" + managementPort);
    }

    @Test
    void shouldUseOnlyDocumentedSettings() throws IOException {
        Set<String> documented = documentedEnv();
        Set<String> used = new HashSet<>(one(ConfigMap.class).getData().keySet());
        used.addAll(one(Secret.class).getStringData().keySet());
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("deploy/compose/compose.yaml").toFile());
        compose.path("services").path("claim-ledger").path("environment").fieldNames().forEachRemaining(used::add);
        assertThat(used).isNotEmpty();
        assertThat(documented).as("configuration table of README.md").containsAll(used);
    }

    @Test
    void shouldConnectThroughATransactionPoolerToAThreeInstanceCluster() {
        GenericKubernetesResource cluster = custom("Cluster");
        assertThat(((Number) ((java.util.Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("instances")).intValue())
                .isEqualTo(3);
        GenericKubernetesResource pooler = custom("Pooler");
        var spec = (java.util.Map<?, ?>) pooler.getAdditionalProperties().get("spec");
        assertThat(((java.util.Map<?, ?>) spec.get("pgbouncer")).get("poolMode")).isEqualTo("transaction");
        String url = one(ConfigMap.class).getData().get("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(url).contains("//" + pooler.getMetadata().getName() + ":").contains("prepareThreshold=0");
        // LISTEN needs a session the pooler does not keep: straight to the cluster's primary service
        assertThat(one(ConfigMap.class).getData().get("CLAIMS_LISTEN_JDBC_URL"))
                .contains("//" + cluster.getMetadata().getName() + "-rw:");
    }

    @Test
    void shouldRunTheImageWithTheJvmOptionsOfTheReadmesCommand() throws IOException {
        // compose and the Kubernetes Deployment run this image, so they run the JVM as the README's command does
        Map<String, String> image = new HashMap<>();
        Matcher env = Pattern.compile("(?m)^ENV (\\w+)=\"([^\"]*)\"").matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        while (env.find()) {
            image.put(env.group(1), env.group(2));
        }
        ReadmeCommand readme = ReadmeCommand.read();
        assertThat(readme.jvmOptions()).as("the README's command sets the heap").contains("-Xmx256m");
        // the image's launcher (run-java.sh) takes the collector from GC_CONTAINER_OPTIONS, the rest from JAVA_OPTS_APPEND
        List<String> imageOptions = new ArrayList<>();
        for (String variable : List.of("GC_CONTAINER_OPTIONS", "JAVA_OPTS_APPEND")) {
            imageOptions.addAll(List.of(image.getOrDefault(variable, "").split(" ")));
        }
        assertThat(imageOptions).containsAll(readme.jvmOptions());
        assertThat(image).containsAllEntriesOf(readme.env());
    }

    /** The environment variables named in README.md's configuration table. */
    private static Set<String> documentedEnv() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(table);
        while (m.find()) {
            names.add(m.group(1));
        }
        // "QUARKUS_DATASOURCE_USERNAME` / `_PASSWORD" style rows name the second variable by its suffix
        Matcher pair = Pattern.compile("`([A-Z][A-Z0-9_]+?)_([A-Z0-9]+)` / `_([A-Z0-9_]+)`").matcher(table);
        while (pair.find()) {
            names.add(pair.group(1) + "_" + pair.group(3));
        }
        return names;
    }
}
