package io.reckoning.command.run;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the run commands. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttestationProperties.class)
class RunConfiguration {
}
