package io.reckoning.support.logging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the run, step and attempt of a consumed task or result into the MDC while its listener (and the error
 * handler after it) runs; the key (the run id) when the value is not a JSON object.
 */
public class KafkaLogContext implements RecordInterceptor<Object, Object> {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        LogContext.clear();
        if (record.key() != null) {
            MDC.put(LogContext.RUN_ID, record.key().toString());
        }
        if (record.value() instanceof String value) {
            try {
                JsonNode message = json.readTree(value);
                put(message, LogContext.RUN_ID);
                put(message, LogContext.STEP_ID);
                put(message, LogContext.ATTEMPT);
            } catch (JacksonException e) {
                // a malformed message keeps the key only; its listener sends it to the dead-letter topic
            }
        }
        return record;
    }

    private static void put(JsonNode message, String field) {
        JsonNode value = message == null ? null : message.get(field);
        if (value != null && value.isValueNode() && !value.isNull()) {
            MDC.put(field, value.asText());
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        LogContext.clear();
    }
}
