package io.reckoning.command.timers;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.reckoning.command.config.CommandProperties;
import io.reckoning.support.db.SchemaMigration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Durable timers. Axon's deadline manager stores deadlines through db-scheduler in {@code command.scheduled_tasks}
 * (Axon's own auto-configuration builds the deadline manager once this scheduler exists). Scheduling joins the
 * transaction that appends the events, so a timer exists exactly when the events that need it were committed;
 * a fired deadline is handled once across replicas.
 */
@Configuration(proxyBeanMethods = false)
public class TimerConfiguration {

    static final String TABLE = "command.scheduled_tasks";

    @Bean
    Scheduler timerScheduler(DataSource dataSource, List<Task<?>> tasks, CommandProperties properties,
                             SchemaMigration commandSchema) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName(TABLE)
                .threads(4) // webhook calls share these threads with the run timers; keep timers from queueing behind them
                .pollingInterval(properties.timerPollInterval())
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Starts polling once the context (and Axon, which handles the deadlines) is up; stops before it goes down. */
    @Bean
    SmartLifecycle timerSchedulerLifecycle(Scheduler timerScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                timerScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                timerScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
