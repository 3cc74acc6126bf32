package io.reckoning.executor.execution.llm;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The llm settings: fake by default, each provider's public endpoint, refusals of a half configuration. */
class LlmPropertiesTest {

    @Test
    void shouldUseTheFakeProviderWhenNothingIsConfigured() {
        LlmProperties properties = new LlmProperties(null, null, null, null, null, null, null, null);

        assertThat(properties.provider()).isEqualTo(LlmProperties.FAKE);
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.maxConcurrency()).isEqualTo(4);
        assertThat(properties.rateLimit()).isZero();
    }

    @Test
    void shouldDefaultToEachProvidersPublicEndpoint() {
        assertThat(new LlmProperties("OpenAI", "m", null, null, null, null, null, null).endpoint())
                .isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(new LlmProperties("anthropic", "m", "k", null, null, null, null, null).endpoint())
                .isEqualTo(URI.create("https://api.anthropic.com"));
    }

    @Test
    void shouldRefuseAnUnknownProviderARealOneWithoutModelAndAnthropicWithoutKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LlmProperties("gemini", "m", "k", null, null, null,
                null, null)).withMessageContaining("openai, anthropic or fake");
        assertThatIllegalArgumentException().isThrownBy(() -> new LlmProperties("openai", null, "k", null, null, null,
                null, null)).withMessageContaining("LLM_MODEL");
        assertThatIllegalArgumentException().isThrownBy(() -> new LlmProperties("anthropic", "m", null, null, null,
                null, null, null)).withMessageContaining("LLM_API_KEY");
        assertThatIllegalArgumentException().isThrownBy(() -> new LlmProperties("openai", "m", null, null, null, 0,
                null, null)).withMessageContaining("max-concurrency");
    }

    @Test
    void shouldNeverShowTheKeyInToString() {
        LlmProperties properties = new LlmProperties("openai", "m", "sk-very-secret", null, null, null, null, null);

        assertThat(properties.toString()).doesNotContain("sk-very-secret").contains("apiKey=(set)");
    }
}
