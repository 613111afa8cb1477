package com.engagementtracker.command;

import com.engagementtracker.api.Rule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Carries the violated {@link Rule} (or, for a batch, every refused row) as the details of a
 * {@link CommandExecutionException}, the one form of
 * a handler's refusal that survives the trip back from another node when commands go through Axon Server.
 * One interceptor for every handler, instead of a try/catch in each.
 */
class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolationException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.rule());
        } catch (RowsRefusedException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.refused());
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException("there is no engagement " + e.getAggregateIdentifier(), e,
                    Rule.ENGAGEMENT_NOT_FOUND);
        }
    }
}
