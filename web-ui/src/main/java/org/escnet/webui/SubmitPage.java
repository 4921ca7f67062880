package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.escnet.application.ports.in.SubmitGrid;
import org.escnet.application.ports.in.SubmitGridCommand;
import org.escnet.application.ports.in.SubmitGridResult;
import org.escnet.domain.config.ConfigException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Submitting a grid: paste or upload the file, preview the cells it would create (a dry run), then submit. A problem
 * is shown at its line in the document, naming the key.
 */
@jakarta.ws.rs.Path("/submit")
@Produces(MediaType.TEXT_HTML)
public class SubmitPage {
    static final int MAX_DOCUMENT_CHARS = 1_000_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance submit(String document, SubmitGridResult preview, Problem problem,
                                              List<SourceLine> lines);
    }

    /** A problem with the document: where (line 0 when unknown, source null for the document itself) and why. */
    public record Problem(String key, int line, String source, String reason, String message) {
        public boolean inDocument() {
            return line > 0 && source == null;
        }
    }

    /** A numbered line of the submitted document; {@code problem} marks the line at fault. */
    public record SourceLine(int number, String text, boolean problem) {
    }

    @Inject
    SubmitGrid submitGrid;

    @ConfigProperty(name = "escnet.grid.base-dir", defaultValue = ".")
    String baseDir;

    @GET
    public TemplateInstance form() {
        return Templates.submit("", null, null, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response post(@RestForm String document, @RestForm("file") FileUpload file, @RestForm String action,
                         @Context HttpHeaders headers) {
        if (!SameOrigin.allows(headers)) {
            return Response.status(Response.Status.FORBIDDEN).entity("cross-site form post refused").build();
        }
        String text = document == null ? "" : document;
        String source = null;
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_DOCUMENT_CHARS) {
                return page(text, null, new Problem("", 0, null, "the file is " + file.size()
                        + " bytes; a grid file may be at most " + MAX_DOCUMENT_CHARS, "file too large"));
            }
            try {
                text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return page(text, null, new Problem("", 0, null, "cannot read the uploaded file: " + e.getMessage(),
                        "cannot read the uploaded file"));
            }
        }
        if (text.isBlank()) {
            return page(text, null, new Problem("", 0, null, "paste a grid file or choose one to upload",
                    "the grid document is empty"));
        }
        boolean dryRun = !"submit".equals(action);
        try {
            SubmitGridResult result = submitGrid.submit(new SubmitGridCommand(text, source, Path.of(baseDir), dryRun));
            if (dryRun) {
                return page(text, result, null);
            }
            return Response.seeOther(URI.create("/grids/" + result.gridId())).build();
        } catch (ConfigException e) {
            return page(text, null, new Problem(e.path(), e.line(), e.source(), e.reason(), e.getMessage()));
        }
    }

    private static Response page(String text, SubmitGridResult preview, Problem problem) {
        List<SourceLine> lines = new ArrayList<>();
        if (problem != null && problem.inDocument()) {
            String[] split = text.split("\r?\n", -1);
            for (int i = 0; i < split.length; i++) {
                lines.add(new SourceLine(i + 1, split[i], i + 1 == problem.line()));
            }
        }
        Response.Status status = problem == null ? Response.Status.OK : Response.Status.BAD_REQUEST;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.submit(text, preview, problem, lines)).build();
    }
}
