package org.escnet.app.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/** POST /api/segment on the tiny preset with real sample images (random weights: shapes and sums, not accuracy). */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class SegmentApiTest {

    private static Path sample(String relative) {
        String shared = System.getProperty("escnet.shared-dir");
        assumeTrue(shared != null, "system property escnet.shared-dir is not set: skipping");
        Path p = Path.of(shared, "data", "samples").resolve(relative);
        assumeTrue(Files.isRegularFile(p), "sample " + p + " is absent: skipping");
        return p;
    }

    /** A real PNG: the VOC annotation of 2007_000063 (a palette image, decoded as colours here). */
    private static Path png() {
        return sample("voc/VOCdevkit/VOC2012/SegmentationClass/2007_000063.png");
    }

    private static RequestSpecification upload(byte[] image, String classes, String model) {
        return given().multiPart("image", "image.png", image, "image/png").multiPart("classes", classes)
                .multiPart("model", model);
    }

    @Test
    void aRealPngIsSegmentedIntoAnOverlayOfItsSizeAndAreasThatCoverIt() throws Exception {
        Path file = png();
        BufferedImage original = ImageIO.read(file.toFile());
        JsonPath json = upload(Files.readAllBytes(file), "dog, chair, background", "escnet-tiny")
                .post("/api/segment").then().statusCode(200).contentType(containsString("application/json"))
                .extract().jsonPath();
        int width = json.getInt("width");
        int height = json.getInt("height");
        assertThat(width).isEqualTo(original.getWidth());
        assertThat(height).isEqualTo(original.getHeight());
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(json.getString("overlayPng"))));
        assertThat(overlay.getWidth()).isEqualTo(width);
        assertThat(overlay.getHeight()).isEqualTo(height);
        assertThat(json.getList("areas.className", String.class)).containsExactly("dog", "chair", "background");
        assertThat(json.getList("areas.colour", String.class)).allMatch(c -> c.matches("#[0-9a-f]{6}"));
        long pixels = json.getList("areas.pixels", Long.class).stream().mapToLong(Long::longValue).sum();
        assertThat(pixels).isEqualTo((long) width * height);
        double fractions = json.getList("areas.fraction", Double.class).stream().mapToDouble(Double::doubleValue)
                .sum();
        assertThat(fractions).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aJpegPhotoAnswersThePngItselfWhenAskedFor() throws Exception {
        Path jpeg = sample("voc/VOCdevkit/VOC2012/JPEGImages/2007_000063.jpg");
        BufferedImage original = ImageIO.read(jpeg.toFile());
        byte[] png = given().accept("image/png").multiPart("image", "photo.jpg", Files.readAllBytes(jpeg), "image/jpeg")
                .multiPart("classes", "dog,chair").multiPart("model", "escnet-tiny")
                .post("/api/segment").then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(overlay.getWidth()).isEqualTo(original.getWidth());
        assertThat(overlay.getHeight()).isEqualTo(original.getHeight());
    }

    @Test
    void badRequestsAnswer400ProblemsSayingWhatIsWrong() throws Exception {
        byte[] image = Files.readAllBytes(png());
        problem(upload("not an image at all".getBytes(), "dog", "escnet-tiny"), "could not decode");
        problem(upload(image, " , ", "escnet-tiny"), "at least one class name");
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "class " + i).collect(Collectors.joining(","));
        problem(upload(image, tooMany, "escnet-tiny"), "1001 class names were given; at most 1000");
        problem(upload(image, "dog", "escnet-enormous"), "unknown model 'escnet-enormous'");
        problem(upload(image, "dog", "run:424242"), "run 424242 has no checkpoint");
        problem(given().multiPart("classes", "dog").multiPart("model", "escnet-tiny"), "an image part is required");
    }

    private static void problem(RequestSpecification request, String detail) {
        request.post("/api/segment").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", org.hamcrest.Matchers.equalTo(400)).body("detail", containsString(detail));
    }

    @Test
    void theModelListOffersEveryPreset() {
        List<String> ids = given().get("/api/segment/models").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
        assertThat(ids).contains("escnet-tiny", "catseg-tiny", "escnet-vit-b16", "catseg-vit-l14-336");
        given().get("/api/segment/models").then().body("label", hasItem("escnet-tiny (preset, random weights)"));
    }
}
