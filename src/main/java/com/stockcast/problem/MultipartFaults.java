package com.stockcast.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * What is wrong with a multipart body, in the service's words. Tomcat's parser and Spring say it in
 * theirs ("Stream ended unexpectedly", "Failed to parse multipart servlet request", "Required part
 * 'file' is not present"), which are never shown: these sentences say what to fix.
 */
final class MultipartFaults {

	/** How an upload is sent, said after each multipart problem. */
	private static final String SEND_FILE = "Send the CSV file as the part 'file' (curl -F file=@data.csv).";

	/** RFC 2046's boundary: 1 to 70 of these characters, the last not a space. */
	private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]");

	/** Tomcat's words for a part's headers past its limit. */
	private static final Pattern PART_HEADERS_TOO_LONG = Pattern.compile("Header section has more than (\\d+) bytes");

	private MultipartFaults() {
	}

	/** A body Tomcat could not parse (cut short, no closing boundary, no boundary at all). */
	static String malformed(Throwable ex, WebRequest request) {
		String boundary = boundary(request);
		String what = (boundary == null)
				? "its Content-Type names no boundary (multipart/form-data; boundary=...), so its parts cannot be found"
				: multipartFault(ex, boundary);
		return "The body is not valid multipart/form-data: " + what + ". " + SEND_FILE;
	}

	/**
	 * A well-formed body without the part {@code name}: which parts it has instead, or that it has none
	 * (a body whose boundary never occurs in it, garbage, parts without a name).
	 */
	static String missingPart(String name, WebRequest request) {
		List<String> others = new ArrayList<>();
		boolean notAFile = false;
		if (request instanceof ServletWebRequest servlet) {
			try {
				for (Part part : servlet.getRequest().getParts()) {
					if (name.equals(part.getName())) {
						notAFile = true; // there, but not as a file: it has no filename
					}
					else if (part.getName() != null && others.size() < 5) {
						others.add(quoted(part.getName(), 40));
					}
				}
			}
			catch (IOException | ServletException | RuntimeException partsUnknown) {
				// Described without them.
			}
		}
		String what;
		if (notAFile) {
			what = "its part '" + name + "' has no filename, so it is a form field, not a file: name a file in its "
					+ "Content-Disposition (form-data; name=\"" + name + "\"; filename=\"data.csv\")";
		}
		else if (others.isEmpty()) {
			String boundary = boundary(request);
			what = "it has no part named '" + name + "', nor any other named part"
					+ ((boundary == null) ? "" : " delimited by its boundary" + shown(" ('--", boundary, "')"));
		}
		else {
			what = "it has no part named '" + name + "', only " + String.join(", ", others);
		}
		return "The multipart body cannot be used: " + what + ". " + SEND_FILE;
	}

	/**
	 * A part whose headers run past Tomcat's limit, most often because the empty line that ends them is
	 * missing and the file is read as headers: Tomcat counts it among the size limits, so Spring would
	 * call it a body too large (413), which it is not. {@code null} when the upload is really too large.
	 */
	static String partHeadersTooLong(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			Matcher header = PART_HEADERS_TOO_LONG.matcher(String.valueOf(t.getMessage()));
			if (header.find()) {
				return "The body is not valid multipart/form-data: the headers of a part run past " + header.group(1)
						+ " bytes; the empty line that ends them is missing, or they are too long. " + SEND_FILE;
			}
		}
		return null;
	}

	/**
	 * The boundary the request's Content-Type names, when it names one: {@code null} for none or an
	 * empty one.
	 */
	private static String boundary(WebRequest request) {
		String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (type == null) {
			return null;
		}
		String boundary;
		try {
			boundary = MediaType.parseMediaType(type).getParameter("boundary");
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
		if (boundary != null && boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
			boundary = boundary.substring(1, boundary.length() - 1);
		}
		if (boundary == null || boundary.isEmpty()) {
			return null;
		}
		return boundary;
	}

	/** The boundary quoted back between {@code before} and {@code after}; nothing for one RFC 2046 would not allow. */
	private static String shown(String before, String boundary, String after) {
		return BOUNDARY.matcher(boundary).matches() ? before + boundary + after : "";
	}

	/**
	 * What Tomcat's multipart parser found wrong, in the service's words. Read from its messages, the
	 * only place it says which fault it met: should they change, the answer is the general one.
	 */
	private static String multipartFault(Throwable ex, String boundary) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("Stream ended unexpectedly")) {
				// Tomcat says the same whether the closing boundary or a part's empty line is missing.
				return "it ends too soon, before its closing boundary" + shown(" ('--", boundary, "--')")
						+ " or before the empty line that ends a part's headers";
			}
		}
		return "its parts cannot be read";
	}

	/** A name the caller sent, quoted back without control characters and cut to {@code max} characters. */
	private static String quoted(String text, int max) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return "'" + ((printable.length() > max) ? printable.substring(0, max) + "..." : printable) + "'";
	}

}
