package com.stockcast.parallel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class PoolConfiguration {

	/**
	 * The one pool that runs simulations: fixed size, bounded queue, and the default abort policy, so
	 * a full pool refuses work at once instead of queueing it without bound. Micrometer publishes its
	 * gauges as {@code executor_*{name="forecastExecutor"}}. It shuts down when the context is
	 * destroyed, after the web server and the job runner have stopped, and lets queued chunks finish.
	 */
	@Bean
	ThreadPoolTaskExecutor forecastExecutor(PoolSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.effectiveThreads());
		executor.setMaxPoolSize(settings.effectiveThreads());
		executor.setQueueCapacity(settings.queueCapacity());
		executor.setThreadNamePrefix("forecast-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		return executor;
	}

}
