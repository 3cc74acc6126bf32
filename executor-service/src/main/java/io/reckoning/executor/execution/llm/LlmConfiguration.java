package io.reckoning.executor.execution.llm;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Properties;

/** The provider {@code LLM_PROVIDER} names, the executor around it, and the llm intake's container settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    static final String LLM_TASK_CONTAINER = "llmTaskContainer";
    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    /** Manual, out-of-order acknowledgements, and no more tasks per poll than there are workers. */
    @Bean(LLM_TASK_CONTAINER)
    static ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> llmTaskContainer(
            LlmProperties properties) {
        return container -> {
            ContainerProperties settings = container.getContainerProperties();
            settings.setAckMode(ContainerProperties.AckMode.MANUAL);
            settings.setAsyncAcks(true);
            Properties consumer = new Properties();
            consumer.putAll(settings.getKafkaConsumerProperties());
            consumer.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.maxConcurrency()));
            settings.setKafkaConsumerProperties(consumer);
        };
    }

    @Bean
    LlmExecutor llmExecutor(LlmProperties properties, JsonMapper json, MeterRegistry registry) {
        return new LlmExecutor(provider(properties, json), properties, new LlmMetrics(registry));
    }

    private static LlmProvider provider(LlmProperties properties, JsonMapper json) {
        if (properties.provider().equals(LlmProperties.FAKE)) {
            log.warn("llm steps use the FAKE provider: answers are canned, not a model's, and every output says "
                    + "\"fake\": true. Set LLM_PROVIDER (openai or anthropic), LLM_MODEL and LLM_API_KEY for a real one.");
            return new FakeProvider();
        }
        log.info("llm steps use provider {} at {}, model {} unless a step names one; key {}", properties.provider(),
                properties.endpoint(), properties.model(), properties.apiKey() == null ? "not set" : "set");
        ProviderHttp http = new ProviderHttp(json, properties, LlmExecutor.label(properties.provider()),
                Clock.systemUTC());
        return properties.provider().equals(LlmProperties.ANTHROPIC)
                ? new AnthropicProvider(http, properties) : new OpenAiProvider(http, properties);
    }
}
