package com.stockcast.jobs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.stockcast.intake.InvalidInputException;

/**
 * An opaque keyset position in a result: the last record a page held. The next page starts after
 * it, whatever was written or deleted meanwhile; no OFFSET is ever counted.
 */
record Cursor(long major, long minor) {

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.major + "." + this.minor).getBytes(StandardCharsets.US_ASCII));
	}

	/** @return the position, or {@code null} for no cursor */
	static Cursor decode(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
			int dot = plain.indexOf('.');
			return new Cursor(Long.parseLong(plain.substring(0, dot)), Long.parseLong(plain.substring(dot + 1)));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw InvalidInputException.forParameter("cursor", text, "is not a cursor this service gave out");
		}
	}

}
