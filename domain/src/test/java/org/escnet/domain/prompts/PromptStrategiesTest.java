package org.escnet.domain.prompts;

import org.escnet.domain.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptStrategiesTest {

    @Test
    void listsTheBuiltInsInRegistrationOrder() {
        assertThat(PromptStrategies.known()).containsExactly("points", "boxes", "masks");
    }

    @Test
    void findsEachBuiltInByName() {
        assertThat(PromptStrategies.byName("points")).isInstanceOf(PointPromptStrategy.class);
        assertThat(PromptStrategies.byName("boxes")).isInstanceOf(BoxPromptStrategy.class);
        assertThat(PromptStrategies.byName(" masks ")).isInstanceOf(MaskPromptStrategy.class);
    }

    @Test
    void combinationsAreOrderFreeAndCanonicallyNamed() {
        assertThat(PromptStrategies.byName("masks+points").name()).isEqualTo("points+masks");
        assertThat(PromptStrategies.byName("points+masks").name()).isEqualTo("points+masks");
        assertThat(PromptStrategies.canonicalName("masks + boxes+points")).isEqualTo("points+boxes+masks");
        assertThat(((CombinedPromptStrategy) PromptStrategies.byName("masks+points")).components())
                .extracting(PromptStrategy::name).containsExactly("points", "masks");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> PromptStrategies.byName("scribbles"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown prompt strategy 'scribbles'")
                .hasMessageContaining("known: points, boxes, masks");
        assertThatThrownBy(() -> PromptStrategies.byName("points+scribbles"))
                .hasMessageContaining("unknown prompt strategy 'scribbles' in 'points+scribbles'");
    }

    @Test
    void repeatedEmptyAndBlankNamesAreRefused() {
        assertThatThrownBy(() -> PromptStrategies.byName("points+points")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> PromptStrategies.byName("points+")).hasMessageContaining("empty component");
        assertThatThrownBy(() -> PromptStrategies.byName(" ")).hasMessageContaining("name is required");
        assertThatThrownBy(() -> PromptStrategies.byName(null)).hasMessageContaining("name is required");
    }

    @Test
    void validateReportsTheConfigKey() {
        PromptStrategies.validate("boxes+masks");
        assertThatThrownBy(() -> PromptStrategies.validate("x"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.path()).isEqualTo("model.prompts");
                    assertThat(e.reason()).startsWith("unknown prompt strategy 'x'; known: points, boxes, masks");
                });
    }
}
