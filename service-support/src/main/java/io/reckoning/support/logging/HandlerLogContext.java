package io.reckoning.support.logging;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts the run, step and attempt of the command or event being handled into the MDC. Axon's Spring Boot support
 * registers it on the command bus and on every event processor.
 */
public class HandlerLogContext implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        boolean put = LogContext.putFrom(unitOfWork.getMessage().getPayload());
        try {
            return chain.proceed();
        } finally {
            if (put) {
                LogContext.clear();
            }
        }
    }
}
