package com.stockcast.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns a request body into a validated daily sales history, or refuses it with a problem answer
 * naming every bad value and every day given twice: an input with any bad row yields nothing. The
 * same body limits, gzip handling and value rules as a product list apply.
 */
@Component
public class HistoryReader {

	private final IntakeLimits limits;

	public HistoryReader(IntakeLimits limits) {
		this.limits = limits;
	}

	/** Reads a raw {@code text/csv} body with the columns {@code product_id,date,units}. */
	public SalesHistory readCsv(InputStream raw, String contentEncoding, long contentLength) {
		return CsvInput.read(Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize()),
				new HistoryInput(this.limits, new ViolationLog(this.limits.maxErrors())));
	}

	/** Reads an {@code application/json} body: an array of objects with {@code product_id}, {@code date}, {@code units}. */
	public SalesHistory readJson(InputStream raw, String contentEncoding, long contentLength) {
		return JsonInput.read(Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize()),
				new HistoryInput(this.limits, new ViolationLog(this.limits.maxErrors())));
	}

	/** Reads a CSV file uploaded as a multipart part. */
	public SalesHistory readUpload(MultipartFile file) {
		String type = file.getContentType();
		if (type != null && !type.isBlank()) {
			String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			if (!ProductListReader.CSV_UPLOAD_TYPES.contains(bare)) {
				throw IntakeProblems.unsupportedUpload(type);
			}
		}
		try (InputStream in = file.getInputStream()) {
			return readCsv(in, null, file.getSize());
		}
		catch (IOException ex) {
			throw Bodies.unreadable(ex);
		}
	}

	/** A sales history: one product and day per record, by {@link HistoryRules}; every column required. */
	private static final class HistoryInput extends InputKind<HistoryRow, SalesHistory> {

		private static final Words WORDS = new Words(HistoryColumn.COLUMNS, HistoryRules.INVALID_TITLE,
				IntakeProblems::emptyHistory, IntakeProblems::tooManyHistoryRows,
				"The request body is empty; send a header row (product_id,date,units) and one row per product and day.",
				"The CSV has a header row but no sales.", "The request body is empty; send a JSON array of sales.",
				"The body must be a JSON array of sales objects.", "The JSON array holds no sales.",
				"must be an object with product_id, date and units");

		private final HistoryRules rules;

		HistoryInput(IntakeLimits limits, ViolationLog log) {
			this(limits, log, new HistoryRules(log));
		}

		private HistoryInput(IntakeLimits limits, ViolationLog log, HistoryRules rules) {
			super(WORDS, log, rules.newRow(), limits.maxHistoryRows());
			this.rules = rules;
		}

		@Override
		void apply(HistoryRow row) {
			this.rules.apply(row);
		}

		@Override
		SalesHistory result() {
			return this.rules.build();
		}

	}

}
