package com.stockcast.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stockcast.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gzip body of about 100 MB that inflates to 100 GB is refused with 413 once it has inflated past
 * {@code max-body-size}, on the synchronous and the job path, for CSV and JSON, without the heap
 * growing. Multipart parts are never inflated, so a gzip part is simply not CSV. The body is streamed
 * over a raw connection ({@link RawHttp}): the server answers and closes long before it is all sent, which the sender sees
 * as its writes being cut off (the body is several times what the sockets' buffers can hold).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stockcast.limits.max-body-size=64MB")
class GzipBombApiTest {

	private static final long INFLATED = 100L << 30;

	private static final int MEMBER_INFLATED = 16 << 20;

	@LocalServerPort
	int port;

	@Test
	void refusesACsvBombOnTheSynchronousPath() {
		assertRefusedEarly("text/csv", "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n",
				(byte) '\n');
	}

	@Test
	void refusesACsvBombOnTheJobPath() {
		assertRefusedEarly("text/csv", "product_id,sell_start_date,initial_inventory,sales_rate,restocking_rate,duration_days\n",
				(byte) '\n', "Prefer: respond-async", "Idempotency-Key: bomb");
	}

	@Test
	void refusesAJsonBombOnBothPaths() {
		assertRefusedEarly("application/json", "[", (byte) ' ');
		assertRefusedEarly("application/json", "[", (byte) ' ', "Prefer: respond-async");
	}

	@Test
	void neverInflatesAMultipartPart() throws IOException {
		byte[] gz = member(new byte[] { '\n' }, 1 << 20);
		String boundary = "bomb";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv.gz\"\r\n"
				+ "Content-Type: text/csv\r\nContent-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(gz);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		Answer answer = post("multipart/form-data; boundary=" + boundary, out -> out.write(body.toByteArray()),
				body.size());
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.text()).contains("urn:stockcast:problem:unreadable-body");
	}

	private void assertRefusedEarly(String contentType, String head, byte filler, String... headers) {
		byte[] first = member(head.getBytes(StandardCharsets.UTF_8), 0);
		byte[] member = member(new byte[] { filler }, MEMBER_INFLATED);
		long members = INFLATED / MEMBER_INFLATED;
		long length = first.length + members * member.length;
		assertThat(length).as("the bomb is small on the wire").isLessThan(128L << 20);
		long heapBefore = usedHeapAfterGc();
		AtomicLong sent = new AtomicLong();
		Answer answer = post(contentType, out -> {
			out.write(first);
			sent.addAndGet(first.length);
			for (long m = 0; m < members; m++) {
				out.write(member);
				sent.addAndGet(member.length);
			}
		}, length, headers);
		long heapGrowth = usedHeapAfterGc() - heapBefore;
		System.out.printf("gzip bomb %s %s: %d bytes for %d GB inflated, answered %d after %d bytes sent, heap growth %d KB%n",
				contentType, String.join(",", headers), length, INFLATED >> 30, answer.status(), sent.get(),
				heapGrowth >> 10);
		assertThat(answer.status()).as(answer.text()).isEqualTo(413);
		assertThat(answer.text()).contains("urn:stockcast:problem:body-too-large");
		assertThat(sent.get()).as("bytes sent before the server cut the upload off").isLessThan(length);
		assertThat(heapGrowth).as("heap growth after GC").isLessThan(32L << 20);
	}

	/** One gzip member of {@code prefix} followed by {@code repeat} copies of its first byte... or of nothing. */
	private static byte[] member(byte[] content, int repeat) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
			if (repeat == 0) {
				gz.write(content);
			}
			else {
				byte[] block = new byte[1 << 20];
				java.util.Arrays.fill(block, content[0]);
				for (int written = 0; written < repeat; written += block.length) {
					gz.write(block);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	record Answer(int status, String text) {
	}

	/**
	 * POSTs over a raw socket, sending on one thread and reading the answer on this one; returns once
	 * the sender has stopped, cut off or done.
	 */
	private Answer post(String contentType, Body body, long length, String... headers) {
		Thread sender = null;
		List<String> head = new ArrayList<>(List.of(RawHttp.CREDENTIALS, "Content-Type: " + contentType,
				"Content-Length: " + length, "Connection: close"));
		if (!contentType.startsWith("multipart/")) {
			head.add("Content-Encoding: gzip");
		}
		head.addAll(List.of(headers));
		try (RawHttp raw = RawHttp.connect(this.port)) {
			raw.write(RawHttp.head("POST", "/forecasts", head.toArray(String[]::new)));
			OutputStream out = raw.out();
			sender = new Thread(() -> {
				try {
					body.writeTo(out);
					out.flush();
				}
				catch (IOException closedByServer) {
					// The server answered and closed: the rest of the bomb is never read.
				}
			});
			sender.setDaemon(true);
			sender.start();
			String answer = new String(raw.in().readAllBytes(), StandardCharsets.UTF_8);
			return new Answer(RawHttp.status(answer), answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			// The socket is closed: a sender still writing fails now, if the server's close had not stopped it.
			join(sender);
		}
	}

	private static void join(Thread thread) {
		if (thread == null) {
			return;
		}
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
