package org.escnet.app.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.escnet.app.EmbeddedPostgresTestResource;
import org.escnet.app.YamlBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With escnet.api.token set, changes need the token (header, or the dashboard's sign-in cookie); reads stay open. */
@QuarkusTest
@TestProfile(ApiTokenTest.WithToken.class)
@WithTestResource(EmbeddedPostgresTestResource.class)
class ApiTokenTest {
    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("escnet.api.token", "s3cret-token");
        }
    }

    private static final String GRID = "name: guarded\nmodel: {preset: escnet-tiny}\n";

    @BeforeAll
    static void yaml() {
        YamlBodies.enable();
    }

    @Test
    void mutatingRequestsWithoutTheTokenAre401WithAHint() {
        given().contentType("application/yaml").body(GRID).post("/api/grids").then().statusCode(401)
                .body("detail", containsString("Authorization: Bearer"));
        given().header("Authorization", "Bearer wrong").contentType("application/yaml").body(GRID).post("/api/grids")
                .then().statusCode(401).body("detail", containsString("does not match"));
        given().multiPart("image", "x.png", new byte[] {1, 2, 3}, "image/png").multiPart("classes", "sky")
                .multiPart("model", "escnet-tiny").post("/api/segment").then().statusCode(401)
                .body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void theTokenOpensChangesAndReadsNeedNone() {
        given().header("Authorization", "Bearer s3cret-token").contentType("application/yaml").body(GRID)
                .post("/api/grids").then().statusCode(201);
        given().get("/api/grids").then().statusCode(200);
    }

    @Test
    void theDashboardSignsInWithACookie() {
        String cookie = given().redirects().follow(false).formParam("token", "s3cret-token").post("/login")
                .then().statusCode(303).extract().cookie(LoginResource.COOKIE);
        given().cookie(LoginResource.COOKIE, cookie).contentType("application/yaml").body(GRID.replace("guarded", "via-cookie"))
                .post("/api/grids").then().statusCode(201);
        given().redirects().follow(false).formParam("token", "nope").post("/login").then().statusCode(401);
    }
}
