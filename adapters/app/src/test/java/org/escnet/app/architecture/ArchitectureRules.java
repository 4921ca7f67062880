package org.escnet.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN §3 as executable rules. Kept apart from the test class so a test can also show that
 * a planted violation is caught.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final String[] FRAMEWORKS = {"io.quarkus..", "org.hibernate..", "jakarta..", "javax.persistence..",
            "io.smallrye..", "io.vertx..", "com.fasterxml..", "org.mlflow..", "ai.djl.pytorch..", "picocli.."};

    /** The domain is plain Java plus the engine-neutral DJL API. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("org.escnet.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS, "org.escnet.application..",
                    "org.escnet.adapters..", "org.escnet.app..", "org.escnet.webui.."))
            .because("the domain depends on nothing of ours and on no framework (DESIGN §3)");

    /** The application sees the domain and CDI/JTA annotations only. */
    public static final ArchRule APPLICATION_USES_DOMAIN_ONLY = noClasses().that().resideInAPackage("org.escnet.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.escnet.adapters..", "org.escnet.app..",
                    "org.escnet.webui..", "io.quarkus..", "org.hibernate..", "jakarta.persistence..", "jakarta.ws.rs..",
                    "org.mlflow..", "ai.djl.pytorch..", "com.fasterxml..", "picocli..")
            .because("use cases depend on the domain and their ports only (DESIGN §3)");

    /** Adapters never depend on each other; the app module wires them. */
    public static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("org.escnet.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("an adapter depends on application and domain only (DESIGN §3)");

    /** The dashboard talks to application ports, never to persistence entities or other adapters. */
    public static final ArchRule WEB_UI_USES_PORTS = noClasses().that().resideInAPackage("org.escnet.webui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.escnet.adapters..", "org.escnet.app..",
                    "org.hibernate..", "jakarta.persistence..")
            .because("the web UI talks to application ports only (DESIGN §3, §8)");

    /** Only the engine adapter may touch the PyTorch engine. */
    public static final ArchRule ONLY_MODEL_ADAPTER_USES_PYTORCH = noClasses()
            .that().resideOutsideOfPackage("org.escnet.adapters.djl..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl.pytorch..")
            .because("the engine is an adapter detail (DESIGN §3)");

    /** No cycles between the top-level parts. */
    public static final ArchRule NO_CYCLES_BETWEEN_PARTS = slices().matching("org.escnet.(*)..").should().beFreeOfCycles();

    /** No cycles between adapter packages either. */
    public static final ArchRule NO_CYCLES_BETWEEN_ADAPTERS = slices().matching("org.escnet.adapters.(*)..")
            .should().beFreeOfCycles();

    /** Inside the domain, packages (model, prompts, experiment, data, evaluation, config) form no cycles either. */
    public static final ArchRule NO_CYCLES_IN_DOMAIN = slices().matching("org.escnet.domain.(*)..").should()
            .beFreeOfCycles();

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
