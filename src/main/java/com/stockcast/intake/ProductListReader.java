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

	/** Reads an {@code application/json} body: an array of product objects. */
	public Products readJson(InputStream raw, String contentEncoding, long contentLength, RequestDefaults defaults) {
		checkDefaults(defaults);
		InputStream body = Bodies.open(raw, contentEncoding, contentLength, this.limits.maxBodySize());
		return JsonInput.read(body, new ProductInput(defaults, this.rules, this.limits));
	}

	/** Reads a CSV file uploaded as a multipart part. */
	public Products readUpload(MultipartFile file, RequestDefaults defaults) {
		String type = file.getContentType();
		if (type != null && !type.isBlank()) {
			String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			if (!CSV_UPLOAD_TYPES.contains(bare)) {
				throw IntakeProblems.unsupportedUpload(type);
			}
		}
		try (InputStream in = file.getInputStream()) {
			return readCsv(in, null, file.getSize(), defaults);
		}
		catch (IOException ex) {
			throw Bodies.unreadable(ex);
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
			super(WORDS, new ViolationLog(limits.maxErrors()), new FieldValues(), limits.maxProducts());
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
			this.log.throwIfAny();
			return this.products.build();
		}

	}

}
