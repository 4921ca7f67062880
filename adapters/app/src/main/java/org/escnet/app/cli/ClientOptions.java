package org.escnet.app.cli;

import picocli.CommandLine.Option;

/** Options every API client command shares. */
class ClientOptions {
    @Option(names = "--server", description = "ESC-Lab server URL (default ${DEFAULT-VALUE})",
            defaultValue = "${ESCNET_SERVER:-http://127.0.0.1:8080}")
    String server;

    ApiClient client() {
        return new ApiClient(server, System.getenv("ESCNET_API_TOKEN"));
    }
}
