package com.stockcast.parallel;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.springframework.http.HttpStatus;

import com.stockcast.problem.ProblemException;

/**
 * Refuses, with 408, a body arriving slower than {@link AdmissionSettings#minUploadRate()} on average
 * once {@link AdmissionSettings#uploadGrace()} has passed. Tomcat's connection timeout bounds a read
 * that gets nothing at all; this bounds a body that trickles in, a few bytes before each timeout.
 * Only the time spent waiting in reads counts: the client's pace, not the time the service takes to
 * parse what it has (a gzip body inflating, a busy machine).
 */
final class RateCheckedBody extends ServletInputStream {

	private final ServletInputStream in;

	private final AdmissionSettings settings;

	private long waited;

	private long read;

	RateCheckedBody(ServletInputStream in, AdmissionSettings settings) {
		this.in = in;
		this.settings = settings;
	}

	@Override
	public int read() throws IOException {
		long started = System.nanoTime();
		int b = this.in.read();
		counted((b < 0) ? -1 : 1, started);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		long started = System.nanoTime();
		return counted(this.in.read(buffer, offset, length), started);
	}

	private int counted(int n, long started) {
		this.waited += System.nanoTime() - started;
		if (n > 0) {
			this.read += n;
			if (this.settings.tooSlow(this.read, this.waited)) {
				throw tooSlow(this.settings.minUploadRate().toBytes());
			}
		}
		return n;
	}

	@Override
	public boolean isFinished() {
		return this.in.isFinished();
	}

	@Override
	public boolean isReady() {
		return this.in.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		this.in.setReadListener(listener);
	}

	@Override
	public int available() throws IOException {
		return this.in.available();
	}

	static ProblemException tooSlow(long minBytesPerSecond) {
		return new ProblemException(HttpStatus.REQUEST_TIMEOUT, "upload-too-slow", "The body arrived too slowly",
				"The body must arrive at " + minBytesPerSecond + " bytes per second or more on average "
						+ "(stockcast.admission.min-upload-rate); send it at once, or through a proxy that buffers it.");
	}

}
