package org.escnet.app.rest;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.escnet.application.ports.in.SegmentImage;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Open-vocabulary segmentation of one uploaded image: {@code POST /api/segment} (multipart: {@code image},
 * {@code classes}, {@code model}) answers JSON with the overlay as base64, or the overlay PNG itself when the client
 * asks for {@code image/png} by name. {@code GET /api/segment/models} lists what {@code model} may name.
 */
@Path("/api/segment")
public class SegmentResource {
    static final String PNG = "image/png";

    @Inject
    SegmentImage segmenter;

    /** The JSON answer: the overlay as base64 PNG. */
    public record SegmentationView(int width, int height, List<SegmentImage.ClassArea> areas, String overlayPng) {
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SegmentImage.ModelChoice> models() {
        return segmenter.models();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.APPLICATION_JSON, PNG})
    public Response segment(@RestForm("image") FileUpload image, @RestForm String classes, @RestForm String model,
                            @Context HttpHeaders headers) {
        if (image == null || image.size() == 0) {
            throw new IllegalArgumentException("an image part is required: multipart field 'image' with PNG or JPEG "
                    + "bytes");
        }
        List<String> names = classes == null ? List.of()
                : Arrays.stream(classes.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        SegmentImage.Segmentation result = segmenter.segment(new SegmentImage.Request(read(image), names, model));
        if (wantsPng(headers)) {
            return Response.ok(result.overlayPng(), PNG).build();
        }
        return Response.ok(new SegmentationView(result.width(), result.height(), result.areas(),
                Base64.getEncoder().encodeToString(result.overlayPng())), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Only an explicit image/png: a client accepting anything (curl's default) gets JSON with the areas. */
    private static boolean wantsPng(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> !t.isWildcardType() && !t.isWildcardSubtype()
                && t.isCompatible(MediaType.valueOf(PNG)));
    }

    private static byte[] read(FileUpload image) {
        try {
            return Files.readAllBytes(image.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded image", e);
        }
    }
}
