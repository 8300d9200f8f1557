package com.stockcast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StockcastApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockcastApplication.class, args);
	}

}
