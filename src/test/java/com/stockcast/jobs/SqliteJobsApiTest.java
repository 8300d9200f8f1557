package com.stockcast.jobs;

import org.springframework.boot.test.context.SpringBootTest;

/** The job lifecycle on the embedded default database, SQLite in a file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { JobsApiContract.PROPERTIES_CHUNKS, JobsApiContract.PROPERTIES_POLL })
class SqliteJobsApiTest extends JobsApiContract {

}
