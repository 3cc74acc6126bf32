package io.reckoning.support;

import io.reckoning.support.config.ReckoningProperties;
import io.reckoning.support.health.HealthController;
import io.reckoning.support.web.ProblemAdvice;
import io.reckoning.support.web.RequestSizeLimit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Registered once per application, however many services share the process. */
@AutoConfiguration
@EnableConfigurationProperties(ReckoningProperties.class)
@Import({HealthController.class, ProblemAdvice.class, RequestSizeLimit.class})
public class SupportAutoConfiguration {
}
