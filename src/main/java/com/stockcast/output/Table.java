package com.stockcast.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one encoder of answers: the columns of an answer, whose shape follows the request (the view,
 * the sales policy, the reorder policy, the probabilistic forecast), and the bytes around each value
 * in CSV, JSON and NDJSON. Every answer is written through one: a forecast's rows, summaries and
 * totals under any scenario, the sales statistics, and a job's records replayed from storage.
 */
public final class Table {

	/** How a column's values are written. */
	public enum Kind {

		/** Text: a CSV field, quoted where needed; a JSON string. */
		TEXT,

		/** An ISO date, or empty (JSON null). */
		DATE,

		/** A number rounded to two decimals (docs/forecast-contract.md#rounding), or empty (JSON null) for NaN. */
		AMOUNT,

		/** A number rounded to four decimals (probabilities, deviations, trends), or empty for NaN. */
		FRACTION,

		/** A whole number. */
		COUNT,

		/** A list of ISO dates: space-separated in CSV, an array in JSON. */
		DATES

	}

	public record Column(String name, Kind kind) {
	}

	private final List<Column> columns;

	private final Kind[] kinds;

	/** Whether the records are shaped as the default forecast's rows: a text, a date and three amounts. */
	private final boolean defaultRow;

	private final byte[] csvHeader;

	/** Per column, for JSON: what comes before its value ({@code {"name":} or {@code ,"name":}). */
	private final byte[][] jsonNames;

	public Table(List<Column> columns) {
		this.columns = List.copyOf(columns);
		this.kinds = columns.stream().map(Column::kind).toArray(Kind[]::new);
		this.defaultRow = Arrays.equals(this.kinds, new Kind[] { Kind.TEXT, Kind.DATE, Kind.AMOUNT, Kind.AMOUNT, Kind.AMOUNT });
		StringBuilder header = new StringBuilder();
		this.jsonNames = new byte[columns.size()][];
		for (int c = 0; c < columns.size(); c++) {
			String name = columns.get(c).name();
			header.append((c == 0) ? "" : ",").append(name);
			this.jsonNames[c] = (((c == 0) ? "{\"" : ",\"") + name + "\":").getBytes(StandardCharsets.US_ASCII);
		}
		this.csvHeader = header.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
	}

	public static Column column(String name, Kind kind) {
		return new Column(name, kind);
	}

	public List<Column> columns() {
		return this.columns;
	}

	/** Bytes that open an answer of this table in {@code format}. */
	public byte[] prologue(Format format) {
		return switch (format) {
			case CSV -> this.csvHeader.clone();
			case JSON -> new byte[] { '[' };
			case NDJSON -> new byte[0];
		};
	}

	/** Bytes that close an answer of this table in {@code format}. */
	public byte[] epilogue(Format format) {
		return (format == Format.JSON) ? new byte[] { ']', '\n' } : new byte[0];
	}

	/**
	 * A writer of this table's records into {@code out}; one per thread and buffer.
	 * @param first whether its first record opens the answer (no JSON separator before it)
	 */
	public Writer writer(Format format, OutputBuffer out, boolean first) {
		return new Writer(format, out, first);
	}

	/**
	 * Takes records one value at a time, in column order; {@link #end()} closes each record. Either
	 * writes them in a format ({@link Writer}) or records them for later ({@link Recorder}).
	 */
	public interface Sink {

		Sink text(String value);

		/**
		 * Text the service made of printable ASCII with no comma, quote or backslash, in
		 * {@code ascii[0..count)}: it needs no quoting or escaping, so a writer copies it as it is.
		 */
		default Sink phrase(byte[] ascii, int count) {
			return text(new String(ascii, 0, count, StandardCharsets.ISO_8859_1));
		}

		/** @param epochDay the date as days since 1970-01-01, or {@link Integer#MIN_VALUE} for none */
		Sink date(int epochDay);

		/** @param value the number, or NaN for none */
		Sink amount(double value);

		/** @param value the number, or NaN for none */
		Sink fraction(double value);

		Sink count(long value);

		/** Takes the first {@code count} dates of {@code epochDays}. */
		Sink dates(int[] epochDays, int count);

		/** Closes the record. */
		void end();

	}

	/** A recorder of this table's records in a compact binary form, for a job to store. */
	public Recorder recorder() {
		return new Recorder();
	}

	/**
	 * Hands each record a {@link Recorder} made to {@code each} as a recording of its own, with the
	 * text of its first column (a product's id): for a job's summaries stored one block a chunk, read
	 * for one product id.
	 */
	public void split(byte[] recorded, BiConsumer<String, byte[]> each) {
		Recorder one = recorder();
		String[] first = { null };
		replay(recorded, 0, Integer.MAX_VALUE, new Sink() {

			@Override
			public Sink text(String value) {
				if (first[0] == null) {
					first[0] = value;
				}
				return one.text(value);
			}

			@Override
			public Sink date(int epochDay) {
				return one.date(epochDay);
			}

			@Override
			public Sink amount(double value) {
				return one.amount(value);
			}

			@Override
			public Sink fraction(double value) {
				return one.fraction(value);
			}

			@Override
			public Sink count(long value) {
				return one.count(value);
			}

			@Override
			public Sink dates(int[] epochDays, int count) {
				return one.dates(epochDays, count);
			}

			@Override
			public void end() {
				one.end();
				each.accept(first[0], one.toBytes());
				first[0] = null;
			}

		});
	}

	/**
	 * Replays records a {@link Recorder} made into {@code sink}. A stored job's read-back runs through
	 * here, so it reads the bytes in place rather than through a stream: a text that repeats the one
	 * before it in its column (a product's id on each of its rows) is the same String again, not a
	 * new one, and a record of the default forecast's row goes to a writer in one call
	 * ({@link Writer#record(String, int, double, double, double)}), as the synchronous answer writes it.
	 * @param skip records to pass over first
	 * @param max most records to replay after them
	 * @return the records replayed
	 */
	public int replay(byte[] recorded, int skip, int max, Sink sink) {
		Replay in = new Replay(recorded, this.columns.size());
		int records = in.readInt();
		Writer rows = (sink instanceof Writer writer && this.defaultRow) ? writer : null;
		int replayed = 0;
		for (int r = 0; r < records && replayed < max; r++) {
			boolean keep = r >= skip;
			if (rows != null) {
				String text = in.readText(0);
				int day = in.readInt();
				double first = in.readDouble();
				double second = in.readDouble();
				double third = in.readDouble();
				if (keep) {
					if (day == Integer.MIN_VALUE || Double.isNaN(first) || Double.isNaN(second) || Double.isNaN(third)) {
						// The one-call record has no empty date or amounts; the general calls write them.
						rows.text(text).date(day).amount(first).amount(second).amount(third).end();
					}
					else {
						rows.record(text, day, first, second, third);
					}
					replayed++;
				}
				continue;
			}
			for (int c = 0; c < this.kinds.length; c++) {
				switch (this.kinds[c]) {
					case TEXT -> {
						String text = in.readText(c);
						if (keep) {
							sink.text(text);
						}
					}
					case DATE -> {
						int day = in.readInt();
						if (keep) {
							sink.date(day);
						}
					}
					case AMOUNT -> {
						double value = in.readDouble();
						if (keep) {
							sink.amount(value);
						}
					}
					case FRACTION -> {
						double value = in.readDouble();
						if (keep) {
							sink.fraction(value);
						}
					}
					case COUNT -> {
						long value = in.readLong();
						if (keep) {
							sink.count(value);
						}
					}
					case DATES -> {
						int[] dates = in.readDates();
						if (keep) {
							sink.dates(dates, dates.length);
						}
					}
				}
			}
			if (keep) {
				sink.end();
				replayed++;
			}
		}
		return replayed;
	}

	/**
	 * Reads what a {@link Recorder}'s {@link DataOutputStream} wrote, in place: big-endian numbers, and
	 * texts in modified UTF-8 after their length, each kept per column so that a repeat is not decoded again.
	 */
	private static final class Replay {

		private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

		private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

		private final byte[] bytes;

		private int at;

		/** Per column, the last text read and where its bytes were. */
		private final String[] texts;

		private final int[] textAt;

		private final int[] textLength;

		Replay(byte[] bytes, int columns) {
			this.bytes = bytes;
			this.texts = new String[columns];
			this.textAt = new int[columns];
			this.textLength = new int[columns];
		}

		int readInt() {
			int value = (int) INT.get(this.bytes, this.at);
			this.at += 4;
			return value;
		}

		long readLong() {
			long value = (long) LONG.get(this.bytes, this.at);
			this.at += 8;
			return value;
		}

		double readDouble() {
			return Double.longBitsToDouble(readLong());
		}

		int[] readDates() {
			int[] dates = new int[readInt()];
			for (int j = 0; j < dates.length; j++) {
				dates[j] = readInt();
			}
			return dates;
		}

		String readText(int column) {
			int length = ((this.bytes[this.at] & 0xff) << 8) | (this.bytes[this.at + 1] & 0xff);
			int from = this.at + 2;
			this.at = from + length;
			String last = this.texts[column];
			if (last != null && length == this.textLength[column] && same(from, this.textAt[column], length)) {
				this.textAt[column] = from;
				return last;
			}
			String text = decode(from, length);
			this.texts[column] = text;
			this.textAt[column] = from;
			this.textLength[column] = length;
			return text;
		}

		/** Whether the {@code length} bytes at {@code a} and at {@code b} are the same: ids are short, a plain loop does. */
		private boolean same(int a, int b, int length) {
			for (int i = 0; i < length; i++) {
				if (this.bytes[a + i] != this.bytes[b + i]) {
					return false;
				}
			}
			return true;
		}

		/** Plain ASCII as it is; anything else through the decoder that wrote it: modified UTF-8 is not UTF-8. */
		private String decode(int from, int length) {
			for (int i = from; i < from + length; i++) {
				if (this.bytes[i] <= 0) {
					try {
						return new DataInputStream(new ByteArrayInputStream(this.bytes, from - 2, length + 2)).readUTF();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
			return new String(this.bytes, from, length, StandardCharsets.ISO_8859_1);
		}

	}

	/** Records values as they come; {@link #toBytes()} gives the records made since the last call. */
	public final class Recorder implements Sink {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

		private final DataOutputStream out = new DataOutputStream(this.bytes);

		private int records;

		private int column;

		public int records() {
			return this.records;
		}

		/** The records since the last call, then starts afresh. */
		public byte[] toBytes() {
			if (this.bytes.size() == 0) {
				return new byte[4];
			}
			byte[] recorded = this.bytes.toByteArray();
			int count = this.records;
			recorded[0] = (byte) (count >>> 24);
			recorded[1] = (byte) (count >>> 16);
			recorded[2] = (byte) (count >>> 8);
			recorded[3] = (byte) count;
			this.bytes.reset();
			this.records = 0;
			return recorded;
		}

		@Override
		public Sink text(String value) {
			return write(() -> this.out.writeUTF(value));
		}

		@Override
		public Sink date(int epochDay) {
			return write(() -> this.out.writeInt(epochDay));
		}

		@Override
		public Sink amount(double value) {
			return write(() -> this.out.writeDouble(value));
		}

		@Override
		public Sink fraction(double value) {
			return write(() -> this.out.writeDouble(value));
		}

		@Override
		public Sink count(long value) {
			return write(() -> this.out.writeLong(value));
		}

		@Override
		public Sink dates(int[] epochDays, int count) {
			return write(() -> {
				this.out.writeInt(count);
				for (int j = 0; j < count; j++) {
					this.out.writeInt(epochDays[j]);
				}
			});
		}

		@Override
		public void end() {
			if (this.column != Table.this.columns.size()) {
				throw new IllegalStateException(
						"record has " + this.column + " values for " + Table.this.columns.size() + " columns");
			}
			this.column = 0;
			this.records++;
		}

		private Sink write(IoAction action) {
			try {
				if (this.bytes.size() == 0) {
					this.out.writeInt(0); // the record count, filled in by toBytes
				}
				action.run();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.column++;
			return this;
		}

	}

	private interface IoAction {

		void run() throws IOException;

	}

	/**
	 * Writes records in a format, one value at a time, in column order; {@link #end()} closes each
	 * record. A value is written with the syntax after it (a comma, the next JSON name, or the record's
	 * end), and a column keeps the bytes of its last value so written: a product's id repeats on every
	 * one of its rows, and a full period's sales and restocking repeat from row to row, so most values
	 * of a row are one copy (dates come from a cache of recent ones) and only the stock level is
	 * formatted. The default forecast's own writer did the same for its five columns before this one
	 * replaced it; docs/performance.md, "One pipeline", has the two side by side.
	 */
	public final class Writer implements Sink {

		private final OutputBuffer out;

		private final boolean csv;

		/** What opens a record: nothing in CSV; in JSON the brace and the first name. */
		private final byte[] opening;

		/** What opens a record after the answer's first: in JSON, the separator, then {@link #opening}. */
		private final byte[] separatedOpening;

		/** Per column, the syntax after its value: up to the next value, or the record's end. */
		private final byte[][] after;

		/** Per column, the bytes of its last value kept, with the syntax after it, and what value they were. */
		private final byte[][] last;

		private final int[] lastLength;

		private final long[] lastBits;

		private final String[] lastText;

		/** Per column, whether its last value was a repeat: a value that never repeats (a stock level, a summary's id) is not kept. */
		private final boolean[] repeated;

		private final IsoDates.Recent[] dates;

		/** {@link #record}'s last opening: the record's start up to its first value's end, and that value. */
		private byte[] start = new byte[32];

		private int startLength = -1;

		private String startText;

		/** {@link #record}'s last two amounts, with the syntax around them, and what values they were. */
		private byte[] pair = new byte[32];

		private int pairLength = -1;

		private long pairSecond;

		private long pairThird;

		private boolean needSeparator;

		private int column;

		private Writer(Format format, OutputBuffer out, boolean first) {
			this.out = out;
			this.csv = format == Format.CSV;
			this.needSeparator = !first;
			List<Column> columns = Table.this.columns;
			int n = columns.size();
			this.opening = this.csv ? new byte[0] : Table.this.jsonNames[0];
			this.separatedOpening = (format == Format.JSON) ? concat(ascii(",\n"), this.opening) : this.opening;
			this.after = new byte[n][];
			this.last = new byte[n][];
			this.lastLength = new int[n];
			this.lastBits = new long[n];
			this.lastText = new String[n];
			this.repeated = new boolean[n];
			this.dates = new IsoDates.Recent[n];
			byte[] end = ascii(this.csv ? "\n" : (format == Format.NDJSON) ? "}\n" : "}");
			for (int c = 0; c < n; c++) {
				byte[] next = (c + 1 < n) ? (this.csv ? ascii(",") : Table.this.jsonNames[c + 1]) : end;
				boolean date = columns.get(c).kind() == Kind.DATE;
				byte[] quote = (date && !this.csv) ? ascii("\"") : new byte[0];
				this.after[c] = concat(quote, next);
				this.last[c] = new byte[32];
				this.lastLength[c] = -1;
				this.repeated[c] = true;
				if (date) {
					this.dates[c] = new IsoDates.Recent(quote, this.after[c]);
					this.after[c] = next;
				}
			}
		}

		@Override
		public Sink text(String value) {
			int c = begin();
			if (this.lastLength[c] >= 0 && value.equals(this.lastText[c])) {
				this.out.put(this.last[c], 0, this.lastLength[c]);
				this.repeated[c] = true;
				return this;
			}
			int from = this.out.length();
			this.out.put(this.csv ? csvField(value) : jsonString(value));
			this.out.put(this.after[c]);
			if (this.repeated[c]) {
				keep(c, from);
				this.lastText[c] = value;
				this.repeated[c] = false;
			}
			return this;
		}

		@Override
		public Sink phrase(byte[] ascii, int count) {
			int c = begin();
			if (!this.csv) {
				this.out.put((byte) '"');
			}
			this.out.put(ascii, 0, count);
			if (!this.csv) {
				this.out.put((byte) '"');
			}
			this.out.put(this.after[c]);
			return this;
		}

		/** @param epochDay the date as days since 1970-01-01, or {@link Integer#MIN_VALUE} for none */
		@Override
		public Sink date(int epochDay) {
			int c = begin();
			if (epochDay == Integer.MIN_VALUE) {
				nothing();
				this.out.put(this.after[c]);
			}
			else {
				this.dates[c].append(this.out, epochDay);
			}
			return this;
		}

		@Override
		public Sink amount(double value) {
			int c = begin();
			long bits = Double.doubleToRawLongBits(value);
			if (bits == this.lastBits[c] && this.lastLength[c] >= 0) {
				this.out.put(this.last[c], 0, this.lastLength[c]);
				this.repeated[c] = true;
				return this;
			}
			int from = this.out.length();
			if (Double.isNaN(value)) {
				nothing();
			}
			else {
				Decimals.append(this.out, value);
			}
			this.out.put(this.after[c]);
			if (this.repeated[c]) {
				keep(c, from);
				this.lastBits[c] = bits;
				this.repeated[c] = false;
			}
			return this;
		}

		@Override
		public Sink fraction(double value) {
			int c = begin();
			if (Double.isNaN(value)) {
				nothing();
			}
			else {
				Decimals.append4(this.out, value);
			}
			this.out.put(this.after[c]);
			return this;
		}

		@Override
		public Sink count(long value) {
			int c = begin();
			if (value < 0) {
				this.out.put((byte) '-');
				value = -value;
			}
			this.out.putUnsigned(value);
			this.out.put(this.after[c]);
			return this;
		}

		/** Writes the first {@code count} dates of {@code epochDays}. */
		@Override
		public Sink dates(int[] epochDays, int count) {
			int c = begin();
			if (!this.csv) {
				this.out.put((byte) '[');
			}
			for (int j = 0; j < count; j++) {
				if (j > 0) {
					this.out.put((byte) (this.csv ? ' ' : ','));
				}
				if (!this.csv) {
					this.out.put((byte) '"');
				}
				IsoDates.append(this.out, epochDays[j]);
				if (!this.csv) {
					this.out.put((byte) '"');
				}
			}
			if (!this.csv) {
				this.out.put((byte) ']');
			}
			this.out.put(this.after[c]);
			return this;
		}

		/**
		 * Writes a whole record of a text, a date and three amounts (the default forecast's row) in one
		 * call: the same bytes as the six calls it stands for, with the record's start and its text kept
		 * as one copy, and the last two amounts as another (a full period's sales and restocking repeat
		 * together). The default forecast's hot loop; the
		 * general calls cost it about half again as much (docs/performance.md, "One pipeline").
		 */
		public void record(String text, int epochDay, double first, double second, double third) {
			if (this.column != 0 || this.after.length != 5) {
				throw new IllegalStateException("a record of five values begins where " + this.column
						+ " of " + this.after.length + " were written");
			}
			OutputBuffer out = this.out;
			if (this.needSeparator && this.startLength >= 0 && text.equals(this.startText)) {
				out.put(this.start, 0, this.startLength);
			}
			else {
				int from = out.length();
				out.put(this.needSeparator ? this.separatedOpening : this.opening);
				out.put(this.csv ? csvField(text) : jsonString(text));
				out.put(this.after[0]);
				if (this.needSeparator) {
					this.start = copy(from, this.start);
					this.startLength = out.length() - from;
					this.startText = text;
				}
				this.needSeparator = true;
			}
			this.dates[1].append(out, epochDay);
			Decimals.append(out, first);
			long secondBits = Double.doubleToRawLongBits(second);
			long thirdBits = Double.doubleToRawLongBits(third);
			if (this.pairLength >= 0 && secondBits == this.pairSecond && thirdBits == this.pairThird) {
				out.put(this.pair, 0, this.pairLength);
				return;
			}
			int from = out.length();
			out.put(this.after[2]);
			Decimals.append(out, second);
			out.put(this.after[3]);
			Decimals.append(out, third);
			out.put(this.after[4]);
			this.pair = copy(from, this.pair);
			this.pairLength = out.length() - from;
			this.pairSecond = secondBits;
			this.pairThird = thirdBits;
		}

		/**
		 * Writes a whole record of a text, a date and two amounts (the default forecast's summary) in
		 * one call: the same bytes as the five calls it stands for.
		 */
		public void record(String text, int epochDay, double first, double second) {
			if (this.column != 0 || this.after.length != 4) {
				throw new IllegalStateException("a record of four values begins where " + this.column
						+ " of " + this.after.length + " were written");
			}
			OutputBuffer out = this.out;
			out.put(this.needSeparator ? this.separatedOpening : this.opening);
			this.needSeparator = true;
			out.put(this.csv ? csvField(text) : jsonString(text));
			out.put(this.after[0]);
			if (epochDay == Integer.MIN_VALUE) {
				nothing();
				out.put(this.after[1]);
			}
			else {
				this.dates[1].append(out, epochDay);
			}
			Decimals.append(out, first);
			out.put(this.after[2]);
			Decimals.append(out, second);
			out.put(this.after[3]);
		}

		/** The bytes written since {@code from}, copied into {@code into} or, when they do not fit, a larger array. */
		private byte[] copy(int from, byte[] into) {
			int length = this.out.length() - from;
			byte[] kept = (length > into.length) ? new byte[Math.max(length, 2 * into.length)] : into;
			this.out.copyTo(from, kept, length);
			return kept;
		}

		/** Closes the record: its last value was written with the record's end. */
		@Override
		public void end() {
			if (this.column != this.after.length) {
				throw new IllegalStateException(
						"record has " + this.column + " values for " + this.after.length + " columns");
			}
			this.column = 0;
		}

		/** Starts the next value, and the record with its first; returns the value's column. */
		private int begin() {
			int c = this.column++;
			if (c == 0) {
				this.out.put(this.needSeparator ? this.separatedOpening : this.opening);
				this.needSeparator = true;
			}
			return c;
		}

		/** Keeps the bytes written since {@code from} as column {@code c}'s last value. */
		private void keep(int c, int from) {
			int length = this.out.length() - from;
			if (length > this.last[c].length) {
				this.last[c] = new byte[Math.max(length, 2 * this.last[c].length)];
			}
			this.out.copyTo(from, this.last[c], length);
			this.lastLength[c] = length;
		}

		private void nothing() {
			if (!this.csv) {
				this.out.putAscii("null");
			}
		}

	}

	/** The bytes of a CSV field holding {@code value}: quoted only where it must be. */
	static byte[] csvField(String value) {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			return value.getBytes(StandardCharsets.UTF_8);
		}
		return ('"' + value.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8);
	}

	/** The bytes of a JSON string holding {@code value}, quotes included. */
	static byte[] jsonString(String value) {
		if (!needsEscape(value)) {
			byte[] text = value.getBytes(StandardCharsets.UTF_8);
			byte[] quoted = new byte[text.length + 2];
			quoted[0] = '"';
			System.arraycopy(text, 0, quoted, 1, text.length);
			quoted[quoted.length - 1] = '"';
			return quoted;
		}
		StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static boolean needsEscape(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
