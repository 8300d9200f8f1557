package com.stockcast.parallel;

/** What a request's {@code Prefer} header (RFC 7240) asks for, as admission and the controllers read it. */
public final class Preferences {

	public static final String PREFER = "Prefer";

	private Preferences() {
	}

	/** Whether a {@code Prefer} header asks for {@code respond-async}: an answer stored as a job. */
	public static boolean respondAsync(String prefer) {
		if (prefer == null) {
			return false;
		}
		for (String preference : prefer.split(",")) {
			String token = preference.split("[;=]", 2)[0].strip();
			if (token.equalsIgnoreCase("respond-async")) {
				return true;
			}
		}
		return false;
	}

}
