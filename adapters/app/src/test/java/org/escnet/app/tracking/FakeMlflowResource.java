package org.escnet.app.tracking;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import org.escnet.adapters.mlflow.FakeMlflowForTests;

/** Starts the loopback fake MLflow server and points ESC-Lab's mirror at it. */
public class FakeMlflowResource implements QuarkusTestResourceLifecycleManager {
    static volatile FakeMlflowForTests fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = FakeMlflowForTests.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake MLflow server", e);
        }
        return Map.of("escnet.mlflow.tracking-uri", fake.baseUrl(), "escnet.mlflow.relay-idle", "200ms",
                "escnet.mlflow.timeout", "10s");
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
