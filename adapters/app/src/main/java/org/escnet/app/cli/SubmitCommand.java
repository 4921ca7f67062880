package org.escnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a grid file to a running server. Cells the grid already has are not created again.")
public class SubmitCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;
    @Parameters(paramLabel = "FILE", description = "grid file (YAML or JSON); base: paths resolve next to it")
    Path file;
    @Option(names = "--wait", description = "wait until every run of the grid has finished, with a progress bar; "
            + "exit 1 if any failed")
    boolean await;
    @Option(names = "--dry-run", description = "show the cells the grid would create; store nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException("grid file '" + file + "' does not exist", 2);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        ApiClient api = options.client();
        JsonNode result = api.post("/api/grids?dryRun=" + dryRun + "&baseDir=" + enc(dir.toString()) + "&source="
                + enc(file.getFileName().toString()), text, "application/yaml");
        PrintStream out = System.out;
        if (dryRun) {
            out.printf("grid '%s': %d cells, %d would be created, %d exist%n", result.path("name").asText(),
                    result.path("cells").asInt(), result.path("created").asInt(), result.path("existing").asInt());
            for (JsonNode cell : result.path("preview")) {
                out.printf("  %s %s  %s%n", cell.path("exists").asBoolean() ? "=" : "+",
                        cell.path("cellKey").asText().substring(0, 8), cell.path("label").asText());
            }
            return 0;
        }
        long id = result.path("id").asLong();
        out.printf("grid %d '%s': %d cells, %d created, %d already existed%n", id, result.path("name").asText(),
                result.path("cells").asInt(), result.path("created").asInt(), result.path("existing").asInt());
        return await ? new GridProgress(api, out).waitFor(id) : 0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
