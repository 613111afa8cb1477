package com.engagementtracker.command;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class CommandConfiguration {

    @Autowired
    void registerInterceptors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
    }
}
