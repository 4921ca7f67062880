package org.escnet.app;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;

/** Lets RestAssured send grid files as {@code application/yaml} text. */
public final class YamlBodies {
    private YamlBodies() {
    }

    public static void enable() {
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/yaml", ContentType.TEXT));
    }
}
