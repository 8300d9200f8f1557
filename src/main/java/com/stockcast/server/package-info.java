/**
 * The embedded server's care: Tomcat's connection limits and the health of the threads the service
 * cannot live without (the job dispatcher, Tomcat's acceptors and pollers).
 */
@ApplicationModule(displayName = "Server", allowedDependencies = "problem")
package com.stockcast.server;

import org.springframework.modulith.ApplicationModule;
