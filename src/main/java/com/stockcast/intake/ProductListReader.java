package com.stockcast.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.stockcast.parallel.Reservation;
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
		return csv(raw, contentEncoding, contentLength, defaults, null);
	}

	/** Reads a raw {@code text/csv} body into {@code chunks} as it streams in. */
	public void streamCsv(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults,
			ProductChunks chunks) {
		ProductChunks.cut(csv(raw, contentEncoding, contentLength, defaults, chunks), chunks);
	}

	private Products csv(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults,
			ProductChunks chunks) {
		checkDefaults(defaults);
		streaming(chunks);
		InputStream body = Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize());
		return CsvInput.read(body, new ProductInput(defaults, this.rules, this.limits, chunks));
	}

	/**
	 * Reads an {@code application/json} body: an array of product objects, or an object with that
	 * array as {@code products} and, optionally, the scheduled receipts as {@code receipts}.
	 */
	public Products readJson(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults) {
		return json(raw, contentEncoding, contentLength, defaults, null);
	}

	/**
	 * Reads an {@code application/json} body into {@code chunks}: an array streams in; an object, which
	 * may hold receipts to be matched against the products, is read whole first.
	 */
	public void streamJson(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults,
			ProductChunks chunks) {
		ProductChunks.cut(json(raw, contentEncoding, contentLength, defaults, chunks), chunks);
	}

	private Products json(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults,
			ProductChunks chunks) {
		checkDefaults(defaults);
		streaming(chunks);
		InputStream body = Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize());
		ViolationLog log = new ViolationLog(this.limits.maxErrors());
		ReceiptInput receipts = new ReceiptInput(log, this.limits);
		Products products = JsonInput.read(body, new ProductInput(defaults, this.rules, this.limits, log, chunks),
				"products", ReceiptRules.INPUT, receipts);
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
		return upload(file, receipts, defaults, null);
	}

	/**
	 * Reads a CSV upload into {@code chunks}: the file part streams in, unless scheduled receipts come
	 * with it, to be matched against the products: then it is read whole first.
	 */
	public void streamUpload(MultipartFile file, MultipartFile receipts, RequestDefaults defaults,
			ProductChunks chunks) {
		ProductChunks.cut(upload(file, receipts, defaults, (receipts == null) ? chunks : null), chunks);
	}

	private Products upload(MultipartFile file, MultipartFile receipts, RequestDefaults defaults,
			ProductChunks chunks) {
		checkUploadType(file, "file");
		checkDefaults(defaults);
		streaming(chunks);
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
					new ProductInput(defaults, this.rules, this.limits, log, chunks));
		}
		catch (IOException ex) {
			throw Bodies.unreadable(ex);
		}
		return (receiptRules != null) ? receiptRules.attachTo(products) : products;
	}

	/** A body handed on chunk by chunk holds a window of itself, whatever its length: so its reservation says. */
	private static void streaming(ProductChunks chunks) {
		Reservation reservation = Reservation.current();
		if (chunks != null && reservation != null) {
			reservation.streamBody();
		}
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

		/** Where whole chunks go as they fill; {@code null} when the list is kept whole. */
		private ProductChunks chunks;

		/** The products read and not handed on: the list, or the chunk being filled. */
		private Products.Builder products = Products.builder();

		/** Output rows of {@link #products}, while a chunk is filled. */
		private long rows;

		ProductInput(RequestDefaults defaults, ProductRules rules, IntakeLimits limits, ProductChunks chunks) {
			this(defaults, rules, limits, new ViolationLog(limits.maxErrors()), chunks);
		}

		/**
		 * @param log the request's log, which the receipts read with the products log into too
		 * @param chunks where to hand each whole chunk, or {@code null} to keep the list whole
		 */
		ProductInput(RequestDefaults defaults, ProductRules rules, IntakeLimits limits, ViolationLog log,
				ProductChunks chunks) {
			super(WORDS, log, new FieldValues(), limits.maxProducts());
			this.defaults = defaults;
			this.rules = rules;
			this.chunks = chunks;
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
		void objectBody() {
			Reservation reservation = Reservation.current();
			if (this.chunks != null && reservation != null) {
				reservation.holdBody();
			}
			this.chunks = null;
		}

		@Override
		void apply(FieldValues values) {
			int before = this.products.size();
			this.rules.apply(values, this.defaults, this.products, this.log);
			if (this.chunks != null && this.products.size() > before) {
				this.rows += this.products.periods(before);
				if (this.chunks.full(this.products.size(), this.rows)) {
					this.chunks.accept(this.products.build(), 0, this.products.size());
					this.products = Products.builder();
					this.rows = 0;
				}
			}
		}

		/** The list, or when it streamed, the products of its last chunk, not yet whole. */
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
