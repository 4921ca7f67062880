package org.escnet.adapters.mlflow;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.escnet.application.ports.out.ArtifactRecord;

/**
 * Uploads run files to MLflow's artifact proxy with {@code PUT /api/2.0/mlflow-artifacts/artifacts/<exp>/<run>/artifacts/<path>}.
 * The Java client's own {@code logArtifact} forks a Python process, which ESC-Lab never does; stores other than the
 * proxy ({@code s3://}, {@code file://}, ... when the server runs with {@code --no-serve-artifacts}) are refused.
 */
final class MlflowArtifactUploader {
    static final String PROXY_SCHEME = "mlflow-artifacts";
    private static final String PROXY_PATH = "/api/2.0/mlflow-artifacts/artifacts/";
    /** Uploads get the call timeout plus the time a slow link (5 MB/s) needs for the file. */
    private static final long SLOW_LINK_BYTES_PER_SECOND = 5L * 1024 * 1024;

    private final MlflowSettings settings;
    private final HttpClient http;

    MlflowArtifactUploader(MlflowSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build();
    }

    /**
     * Puts {@code artifact}'s file under the run whose artifact root is {@code artifactUri}.
     *
     * @throws FileNotFoundException when the file is gone (the caller decides what that means)
     * @throws MlflowCallFailed      when the store is not the proxy, the path is unsafe or the server says no
     */
    void upload(String artifactUri, ArtifactRecord artifact) throws FileNotFoundException {
        URI target = targetOf(artifactUri, artifact.path());
        Path file = Path.of(artifact.file());
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(artifact.file());
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new FileNotFoundException(artifact.file() + " (" + e.getMessage() + ")");
        }
        Duration timeout = settings.timeout().plusMillis(size * 1000 / SLOW_LINK_BYTES_PER_SECOND);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", mediaType(artifact))
                .header("User-Agent", "escnet-mlflow");
        settings.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        String what = "upload of artifact '" + artifact.path() + "' to " + target;
        HttpResponse<String> response;
        try {
            response = http.send(request.PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (FileNotFoundException e) {
            throw e;
        } catch (HttpTimeoutException e) {
            throw new MlflowCallFailed(what + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new MlflowCallFailed(what + ": cannot reach MLflow (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlflowCallFailed(what + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new MlflowCallFailed(what + ": MLflow answered HTTP " + response.statusCode() + " "
                    + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
    }

    /** The proxy URL for {@code path} under the run's artifact root; refuses any other store. */
    URI targetOf(String artifactUri, String path) {
        URI root = URI.create(artifactUri == null ? "" : artifactUri);
        if (!PROXY_SCHEME.equals(root.getScheme())) {
            throw new MlflowCallFailed("the MLflow run stores artifacts at '" + artifactUri + "', which ESC-Lab does not "
                    + "write to: only the MLflow artifact proxy (artifact URIs mlflow-artifacts:/...) is supported. "
                    + "Start the MLflow server with --serve-artifacts (the default since MLflow 2.0) and an "
                    + "--artifacts-destination, then create new experiments");
        }
        String base = root.getRawAuthority() == null ? settings.baseUrl()
                : settings.trackingUri().getScheme() + "://" + root.getRawAuthority();
        String rootPath = stripSlashes(root.getPath());
        return URI.create(base + PROXY_PATH + encodeSegments(rootPath) + "/" + encodeSegments(checkedPath(path)));
    }

    private static String checkedPath(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")) {
            throw new MlflowCallFailed("an artifact path is relative with '/' separators, such as "
                    + "qualitative/ade150/0001.png, found '" + path + "'");
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new MlflowCallFailed("an artifact path has no empty, '.' or '..' segments, found '" + path + "'");
            }
        }
        return path;
    }

    private static String encodeSegments(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static String stripSlashes(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Never a form type: a form body would be parsed by the server instead of stored. */
    private static String mediaType(ArtifactRecord artifact) {
        String type = artifact.mediaType();
        if (type == null || type.isBlank() || type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                || type.toLowerCase().startsWith("multipart/")) {
            return "application/octet-stream";
        }
        return type;
    }
}
