package org.escnet.webui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The page a missing grid or run answers, with status 404. */
final class NotFoundPage {
    private NotFoundPage() {
    }

    @CheckedTemplate(basePath = "NotFound")
    static class Templates {
        static native TemplateInstance notFound(String message);
    }

    static Response response(String message) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound(message)).build();
    }
}
