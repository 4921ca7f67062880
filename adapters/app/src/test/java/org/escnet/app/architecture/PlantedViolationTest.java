package org.escnet.app.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The rules can fail: classes that break them (compiled here, in the test tree, under the packages the rules guard)
 * are reported. Without this, a rule with a typo in its package pattern would pass forever.
 */
class PlantedViolationTest {
    @Test
    void aDomainClassUsingAFrameworkIsReported() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.escnet.domain.planted.DomainUsingJackson.class);
        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(planted))
                .hasMessageContaining("DomainUsingJackson").hasMessageContaining("com.fasterxml");
    }

    @Test
    void anAdapterCallingAnotherAdapterIsReported() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.escnet.adapters.mlflow.planted.MirrorReadingEntities.class,
                org.escnet.adapters.persistence.planted.SomeEntity.class);
        assertThatThrownBy(() -> ArchitectureRules.ADAPTERS_ARE_INDEPENDENT.check(planted))
                .hasMessageContaining("MirrorReadingEntities");
    }

    @Test
    void applicationCodeUsingAnAdapterIsReported() {
        JavaClasses planted = new ClassFileImporter().importClasses(
                org.escnet.application.planted.ServiceUsingEntity.class,
                org.escnet.adapters.persistence.planted.SomeEntity.class);
        assertThatThrownBy(() -> ArchitectureRules.APPLICATION_USES_DOMAIN_ONLY.check(planted))
                .hasMessageContaining("ServiceUsingEntity");
    }
}
