/**
 * Problem answers, the base every module may use: RFC 9457 problem details with a stable
 * {@code type}, the exception that carries one, and how an answer already under way is broken off
 * rather than ended as if complete. It uses no other module.
 */
@ApplicationModule(displayName = "Problems", allowedDependencies = {})
package com.stockcast.problem;

import org.springframework.modulith.ApplicationModule;
