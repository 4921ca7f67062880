package org.escnet.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN §3, enforced on the production classes of every module. */
@AnalyzeClasses(packages = "org.escnet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domain = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;
    @ArchTest
    static final ArchRule application = ArchitectureRules.APPLICATION_USES_DOMAIN_ONLY;
    @ArchTest
    static final ArchRule adapters = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;
    @ArchTest
    static final ArchRule webUi = ArchitectureRules.WEB_UI_USES_PORTS;
    @ArchTest
    static final ArchRule pytorch = ArchitectureRules.ONLY_MODEL_ADAPTER_USES_PYTORCH;
    @ArchTest
    static final ArchRule parts = ArchitectureRules.NO_CYCLES_BETWEEN_PARTS;
    @ArchTest
    static final ArchRule adapterCycles = ArchitectureRules.NO_CYCLES_BETWEEN_ADAPTERS;
    @ArchTest
    static final ArchRule domainCycles = ArchitectureRules.NO_CYCLES_IN_DOMAIN;
}
