package io.reckoning.command.notification;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook task, one of the tasks the timer scheduler runs. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Task<WebhookCall> attestationWebhookTask(WebhookDelivery delivery) {
        return Tasks.custom(WebhookDelivery.TASK, WebhookCall.class).execute(delivery::execute);
    }
}
