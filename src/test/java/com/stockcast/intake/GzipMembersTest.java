package com.stockcast.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import com.stockcast.TestResources;
import com.stockcast.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A gzip body may hold several members (pigz, {@code cat a.gz b.gz}, a client that flushes a member
 * per batch). On a network the next member's bytes are often not there yet when one ends; the
 * JDK's own reader takes that for the end of the body and drops the rest without a word.
 */
class GzipMembersTest {

	private static final DataSize LIMIT = DataSize.ofMegabytes(1);

	@Test
	void readsEveryMemberEvenWhenTheNextHasNotArrivedYet() throws IOException {
		// SequenceInputStream reports nothing available at the end of its first part, as a socket
		// does when the second member is still on its way.
		InputStream arriving = new SequenceInputStream(new ByteArrayInputStream(gzip("product_id,units\nA,1\n")),
				new ByteArrayInputStream(gzip("B,2\nC,3\n")));
		try (InputStream body = Bodies.open(arriving, "gzip", -1, LIMIT)) {
			assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo("product_id,units\nA,1\nB,2\nC,3\n");
		}
	}

	@Test
	void refusesBytesAfterTheLastMemberInsteadOfIgnoringThem() {
		byte[] member = gzip("product_id,units\nA,1\n");
		byte[] withGarbage = new byte[member.length + 5];
		System.arraycopy(member, 0, withGarbage, 0, member.length);
		System.arraycopy("oops!".getBytes(StandardCharsets.US_ASCII), 0, withGarbage, member.length, 5);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> {
			try (InputStream body = Bodies.open(new ByteArrayInputStream(withGarbage), "gzip", -1, LIMIT)) {
				body.readAllBytes();
			}
			catch (IOException ex) {
				throw Bodies.failure(ex);
			}
		}).satisfies((problem) -> assertThat(problem.getBody().getDetail()).contains("gzip"));
	}

	@Test
	void refusesAMemberCutShort() {
		byte[] member = gzip("product_id,units\nA,1\nB,2\n");
		byte[] cut = java.util.Arrays.copyOf(member, member.length - 4);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> {
			try (InputStream body = Bodies.open(new ByteArrayInputStream(cut), "gzip", -1, LIMIT)) {
				body.readAllBytes();
			}
			catch (IOException ex) {
				throw Bodies.failure(ex);
			}
		}).satisfies((problem) -> assertThat(problem.getBody().getDetail()).contains("gzip"));
	}

	private static byte[] gzip(String text) {
		return TestResources.gzip(text.getBytes(StandardCharsets.UTF_8));
	}

}
