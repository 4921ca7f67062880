package org.escnet.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its structure and wiring are checked instead: every
 * service ESC-Lab needs, URLs that point at services that exist on the ports they listen on, GPU reservations, and an
 * API token wherever the API is exposed.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("../..");
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String name) {
        return (Map<String, String>) service(name).get("environment");
    }

    @Test
    void hasTheDatabaseMlflowServerAndWorkers() {
        assertThat(services.keySet()).containsExactlyInAnyOrder("postgres", "mlflow", "escnet", "escnet-worker");
        assertThat((String) service("postgres").get("image")).startsWith("postgres:17");
        assertThat((String) service("mlflow").get("image")).contains("mlflow").contains("2.17.2");
        assertThat(service("escnet").get("command")).isEqualTo(List.of("serve", "--host", "0.0.0.0", "--port", "8080"));
        assertThat(service("escnet-worker").get("command")).isEqualTo(List.of("worker"));
        assertThat(Files.isRegularFile(ROOT.resolve("Dockerfile"))).isTrue();
    }

    @Test
    void escnetPointsAtTheDatabaseAndMlflowServices() {
        for (String name : List.of("escnet", "escnet-worker")) {
            Map<String, String> env = env(name);
            URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
            assertThat(services).containsKey(jdbc.getHost());
            assertThat(jdbc.getPort()).isEqualTo(5432);
            assertThat(jdbc.getPath()).isEqualTo("/" + ((Map<?, ?>) service("postgres").get("environment")).get("POSTGRES_DB"));
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME"))
                    .isEqualTo(((Map<?, ?>) service("postgres").get("environment")).get("POSTGRES_USER"));
            URI mlflow = URI.create(env.get("ESCNET_MLFLOW_TRACKING_URI"));
            assertThat(mlflow.getHost()).isEqualTo("mlflow");
            String mlflowCommand = (String) service("mlflow").get("command");
            assertThat(mlflowCommand).contains("--port " + mlflow.getPort()).contains("--serve-artifacts")
                    .contains("--backend-store-uri postgresql://").contains("@postgres:5432/");
            assertThat(env.get("ESCNET_API_TOKEN")).as("the API listens on all interfaces: a token is required")
                    .contains(":?");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void workersReserveGpus() {
        for (String name : List.of("escnet", "escnet-worker")) {
            Map<String, Object> deploy = (Map<String, Object>) service(name).get("deploy");
            List<Map<String, Object>> devices = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    deploy.get("resources")).get("reservations")).get("devices");
            assertThat(devices).anySatisfy(d -> {
                assertThat(d.get("driver")).isEqualTo("nvidia");
                assertThat((List<String>) d.get("capabilities")).contains("gpu");
            });
        }
    }

    @Test
    void theMlflowDatabaseIsCreatedBesideEscnets() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docker/postgres-init.sql"))).contains("CREATE DATABASE mlflow");
    }
}
