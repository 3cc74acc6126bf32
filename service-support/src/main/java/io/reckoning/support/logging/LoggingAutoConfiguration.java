package io.reckoning.support.logging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.RecordInterceptor;

/** The log context of Kafka listeners and of Axon handlers, in whichever services have them. */
@AutoConfiguration
public class LoggingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class KafkaListeners {

        /** Spring Boot puts a single RecordInterceptor bean on the listener container factory it configures. */
        @Bean
        KafkaLogContext kafkaLogContext() {
            return new KafkaLogContext();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.axonframework.messaging.MessageHandlerInterceptor")
    static class AxonHandlers {

        @Bean
        HandlerLogContext handlerLogContext() {
            return new HandlerLogContext();
        }
    }
}
