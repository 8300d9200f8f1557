package com.stockcast.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.stockcast.simulation.Products;

/**
 * Turns a request body into a validated product list, or refuses it with a problem answer naming
 * every bad value: an input with any bad row yields nothing, so nothing is computed from it.
 */
@Component
public class ProductListReader {

	/** Content types a browser or curl gives a CSV upload. */
	static final Set<String> CSV_UPLOAD_TYPES = Set.of("text/csv", "text/plain", "application/csv",
			"text/comma-separated-values", "application/vnd.ms-excel", "application/octet-stream");

	private final IntakeLimits limits;

	private final ProductRules rules;

	public ProductListReader(IntakeLimits limits) {
		this.limits = limits;
		this.rules = new ProductRules(limits.maxDurationDays());
	}

	/** Reads a raw {@code text/csv} body. */
	public Products readCsv(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults) {
		checkDefaults(defaults);
		InputStream body = Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize());
		return CsvInput.read(body, new ProductInput(defaults, this.rules, this.limits));
	}

	/**
	 * Reads an {@code application/json} body: an array of product objects, or an object with that
	 * array as {@code products} and, optionally, the scheduled receipts as {@code receipts}.
	 */
	public Products readJson(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults) {
		checkDefaults(defaults);
		InputStream body = Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize());
		ViolationLog log = new ViolationLog(this.limits.maxErrors());
		ReceiptInput receipts = new ReceiptInput(log, this.limits);
		Products products = JsonInput.read(body, new ProductInput(defaults, this.rules, this.limits, log), "products",
				ReceiptRules.INPUT, receipts);
		return receipts.begun ? receipts.rules.attachTo(products) : products;
	}

	/** Reads a CSV file uploaded as a multipart part. */
	public Products readUpload(MultipartFile file, RequestDefaults defaults) {
		return readUpload(file, null, defaults);
	}

	/**
	 * Reads a CSV file uploaded as a multipart part, with the scheduled receipts of another part
	 * (CSV {@code product_id,date,units}) when {@code receipts} is not {@code null}. Both are read
	 * before either is refused, so that one problem lists the bad values of both.
	 */
	public Products readUpload(MultipartFile file, MultipartFile receipts, RequestDefaults defaults) {
		checkUploadType(file, "file");
		checkDefaults(defaults);
		ViolationLog log = new ViolationLog(this.limits.maxErrors());
		ReceiptRules receiptRules = null;
		if (receipts != null) {
			checkUploadType(receipts, ReceiptRules.INPUT);
			try (InputStream in = receipts.getInputStream()) {
				receiptRules = CsvInput.read(Bodies.open(in, null, receipts.getSize(), this.limits.maxBodySize()),
						new ReceiptInput(log, this.limits));
			}
			catch (IOException ex) {
				throw Bodies.unreadable(ex);
			}
		}
		Products products;
		try (InputStream in = file.getInputStream()) {
			products = CsvInput.read(Bodies.open(in, null, file.getSize(), this.limits.maxBodySize()),
					new ProductInput(defaults, this.rules, this.limits, log));
		}
		catch (IOException ex) {
			throw Bodies.unreadable(ex);
		}
		return (receiptRules != null) ? receiptRules.attachTo(products) : products;
	}

	private static void checkUploadType(MultipartFile part, String name) {
		String type = part.getContentType();
		if (type != null && !type.isBlank()) {
			String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			if (!CSV_UPLOAD_TYPES.contains(bare)) {
				throw IntakeProblems.unsupportedUpload(name, type);
			}
		}
	}

	/** Request-level defaults are checked before the body: a bad one would fail every row that uses it. */
	private void checkDefaults(RequestDefaults defaults) {
		ViolationLog log = new ViolationLog(this.limits.maxErrors());
		defaults.validate(this.rules, log);
		log.throwIfAny();
	}

	/** A product list: one product per record, by {@link ProductRules}, with the request's defaults. */
	private static final class ProductInput extends InputKind<FieldValues, Products> {

		private static final Words WORDS = new Words(Field.COLUMNS, InvalidInputException.PRODUCTS_TITLE,
				IntakeProblems::empty, IntakeProblems::tooManyProducts,
				"The request body is empty; send a header row and one row per product.",
				"The CSV has a header row but no products.",
				"The request body is empty; send a JSON array of products.",
				"The body must be a JSON array of product objects.", "The JSON array holds no products.",
				"must be a product object");

		private final RequestDefaults defaults;

		private final ProductRules rules;

		private final Products.Builder products = Products.builder();

		ProductInput(RequestDefaults defaults, ProductRules rules, IntakeLimits limits) {
			this(defaults, rules, limits, new ViolationLog(limits.maxErrors()));
		}

		/** @param log the request's log, which the receipts read with the products log into too */
		ProductInput(RequestDefaults defaults, ProductRules rules, IntakeLimits limits, ViolationLog log) {
			super(WORDS, log, new FieldValues(), limits.maxProducts());
			this.defaults = defaults;
			this.rules = rules;
		}

		@Override
		String missing(int column) {
			Field field = Field.ALL[column];
			if (!field.required() || this.defaults.supplies(field)) {
				return null;
			}
			return super.missing(column) + ((field == Field.PRODUCT_ID) ? ""
					: (field == Field.SALES_RATE) ? " (or give it as a query parameter, or send a sales history)"
							: " (or give it as a query parameter)");
		}

		@Override
		void apply(FieldValues values) {
			this.rules.apply(values, this.defaults, this.products, this.log);
		}

		@Override
		Products result() {
			// Bad receipts alone wait until they are checked against these products, to be listed together.
			if (this.log.mainInputHasErrors()) {
				this.log.throwIfAny();
			}
			return this.products.build();
		}

	}

	/**
	 * Scheduled receipts: one receipt per record, its own values checked by {@link ReceiptRules} as
	 * it is read; checked against the products once they are read. None at all is an input too.
	 */
	private static final class ReceiptInput extends InputKind<HistoryRow, ReceiptRules> {

		// No receipts at all is an input too (mayBeEmpty), so the texts for an empty input go unused.
		private static final Words WORDS = new Words(HistoryColumn.COLUMNS, ReceiptRules.INVALID_TITLE,
				IntakeProblems::empty, IntakeProblems::tooManyReceipts, "", "", "",
				"The receipts must be a JSON array of receipt objects.", "",
				"must be an object with product_id, date and units");

		private final ReceiptRules rules;

		ReceiptInput(ViolationLog log, IntakeLimits limits) {
			this(log.forInput(ReceiptRules.INPUT), limits, new ReceiptRules(log.forInput(ReceiptRules.INPUT)));
		}

		private ReceiptInput(ViolationLog log, IntakeLimits limits, ReceiptRules rules) {
			super(WORDS, log, rules.newRow(), limits.maxReceipts());
			this.rules = rules;
		}

		@Override
		boolean mayBeEmpty() {
			return true;
		}

		@Override
		void apply(HistoryRow row) {
			this.rules.apply(row);
		}

		@Override
		ReceiptRules result() {
			return this.rules;
		}

	}

}
