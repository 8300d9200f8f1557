package com.stockcast;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The package tree is the architecture: each top-level package is a module, and this test fails on
 * a cycle between modules, on a reach into another module's internals, and on a dependency its
 * package-info does not allow (engine packages never use feature packages; jobs uses none).
 */
class ModulesTest {

	@Test
	void modulesDependOneWayAndOnlyAsAllowed() {
		ApplicationModules.of(StockcastApplication.class).verify();
	}

}
