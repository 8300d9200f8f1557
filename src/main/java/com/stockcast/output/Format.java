package com.stockcast.output;

import org.springframework.http.MediaType;

/** The answer formats, each with the media type it is asked for by. */
public enum Format {

	CSV("text/csv"), JSON("application/json"), NDJSON("application/x-ndjson");

	private final MediaType mediaType;

	Format(String mediaType) {
		this.mediaType = MediaType.parseMediaType(mediaType);
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/** The metric tag value. */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
