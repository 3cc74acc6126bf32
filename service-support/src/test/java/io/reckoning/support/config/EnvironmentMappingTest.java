package io.reckoning.support.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's LLM_* variables reach the reckoning.llm.* settings; an explicit setting wins. */
class EnvironmentMappingTest {

    @Test
    void shouldMapTheLlmVariablesUnlessTheSettingIsGiven() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", Map.of(
                "LLM_PROVIDER", "openai", "LLM_MODEL", "gpt-test", "LLM_API_KEY", "sk-test",
                "LLM_BASE_URL", "http://localhost:11434/v1", "reckoning.llm.model", "explicit-model")));

        new EnvironmentMapping().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("reckoning.llm.provider")).isEqualTo("openai");
        assertThat(environment.getProperty("reckoning.llm.api-key")).isEqualTo("sk-test");
        assertThat(environment.getProperty("reckoning.llm.base-url")).isEqualTo("http://localhost:11434/v1");
        assertThat(environment.getProperty("reckoning.llm.model")).isEqualTo("explicit-model");
    }
}
