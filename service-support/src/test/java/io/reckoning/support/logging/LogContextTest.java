package io.reckoning.support.logging;

import io.reckoning.events.StepStarted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void shouldPutTheRunStepAndAttemptOfAConsumedTaskWhileItsListenerRuns() {
        KafkaLogContext context = new KafkaLogContext();
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("reckoning.step-tasks.transform", 0, 0, "run-1",
                "{\"runId\":\"run-1\",\"stepId\":\"extract\",\"attempt\":2,\"type\":\"transform\",\"input\":{}}");

        context.intercept(record, null);
        Map<String, String> during = MDC.getCopyOfContextMap();
        context.afterRecord(record, null);

        assertThat(during).containsEntry("runId", "run-1").containsEntry("stepId", "extract").containsEntry("attempt", "2");
        assertThat(MDC.get("runId")).isNull();
    }

    @Test
    void shouldKeepTheKeyOfAMessageThatIsNotJson() {
        KafkaLogContext context = new KafkaLogContext();

        context.intercept(new ConsumerRecord<>("reckoning.step-results", 0, 0, "run-2", "not json"), null);

        assertThat(MDC.get("runId")).isEqualTo("run-2");
        assertThat(MDC.get("stepId")).isNull();
    }

    @Test
    void shouldPutTheRunStepAndAttemptOfAnEventWhileItsHandlerRuns() throws Exception {
        Map<String, String> during = new HashMap<>();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericEventMessage.asEventMessage(new StepStarted("run-3", "simulate", 1)));

        new HandlerLogContext().handle(unitOfWork, () -> {
            during.putAll(MDC.getCopyOfContextMap());
            return null;
        });
        unitOfWork.commit();

        assertThat(during).containsEntry("runId", "run-3").containsEntry("stepId", "simulate").containsEntry("attempt", "1");
        assertThat(MDC.get("runId")).isNull();
    }
}
