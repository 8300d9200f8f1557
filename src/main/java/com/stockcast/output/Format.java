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

	/**
	 * Picks the answer format from an Accept header, in the caller's order of preference; CSV when the
	 * caller takes anything. Spring has already refused (406) an Accept that none of them matches.
	 */
	public static Format negotiate(String accept) {
		if (accept == null || accept.isBlank()) {
			return CSV;
		}
		MediaType best = null;
		Format chosen = CSV;
		for (MediaType type : MediaType.parseMediaTypes(accept)) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			for (Format format : values()) {
				if (type.includes(format.mediaType())
						&& (best == null || type.getQualityValue() > best.getQualityValue())) {
					best = type;
					chosen = format;
					break;
				}
			}
		}
		return chosen;
	}

	/** The metric tag value. */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
