package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.escnet.application.ports.in.SegmentImage;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Segments an uploaded image with the class names a person types, through the {@link SegmentImage} port. Without an
 * installed implementation the page says that no model is available instead of failing.
 */
@Path("/segment")
@Produces(MediaType.TEXT_HTML)
public class SegmentPage {
    static final long MAX_IMAGE_BYTES = 16L * 1024 * 1024;
    static final String NO_MODEL = "No segmentation model is available on this server: the inference engine is not "
            + "installed. Train a run or install the model adapter, then reload this page.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance segment(boolean available, String unavailable, List<SegmentImage.ModelChoice> models,
                                               String classes, String model, String overlay, List<Area> areas,
                                               String error);
    }

    /** A class's share of the image, formatted. */
    public record Area(String className, String colour, long pixels, String percent) {
    }

    @Inject
    Instance<SegmentImage> segmenter;

    @GET
    public TemplateInstance form() {
        if (!available()) {
            return Templates.segment(false, NO_MODEL, List.of(), "", "", "", List.of(), "");
        }
        return Templates.segment(true, "", segmenter.get().models(), "", "", "", List.of(), "");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response segment(@RestForm("image") FileUpload image, @RestForm String classes, @RestForm String model,
                            @Context HttpHeaders headers) {
        if (!SameOrigin.allows(headers)) {
            return Response.status(Response.Status.FORBIDDEN).entity("cross-site form post refused").build();
        }
        String typed = classes == null ? "" : classes;
        String chosen = model == null ? "" : model;
        if (!available()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.segment(false, NO_MODEL, List.of(), typed, chosen, "", List.of(), "")).build();
        }
        SegmentImage port = segmenter.get();
        try {
            if (image == null || image.size() == 0) {
                throw new IllegalArgumentException("choose an image to upload (PNG or JPEG)");
            }
            if (image.size() > MAX_IMAGE_BYTES) {
                throw new IllegalArgumentException("the image is " + image.size() + " bytes; at most " + MAX_IMAGE_BYTES
                        + " are accepted");
            }
            byte[] bytes = Files.readAllBytes(image.uploadedFile());
            List<String> names = Arrays.stream(typed.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            SegmentImage.Segmentation result = port.segment(new SegmentImage.Request(bytes, names, chosen));
            List<Area> areas = new ArrayList<>();
            for (SegmentImage.ClassArea a : result.areas()) {
                areas.add(new Area(a.className(), a.colour(), a.pixels(),
                        String.format(Locale.ROOT, "%.1f%%", 100 * a.fraction())));
            }
            String overlay = "data:image/png;base64," + Base64.getEncoder().encodeToString(result.overlayPng());
            return Response.ok(Templates.segment(true, "", port.models(), typed, chosen, overlay, areas, "")).build();
        } catch (IllegalArgumentException | IOException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.segment(true, "", port.models(), typed, chosen, "", List.of(), e.getMessage())).build();
        }
    }

    private boolean available() {
        return segmenter.isResolvable();
    }
}
