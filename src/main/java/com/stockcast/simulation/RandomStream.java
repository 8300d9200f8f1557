package com.stockcast.simulation;

/**
 * One product's random numbers: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014), the algorithm {@link java.util.SplittableRandom} specifies,
 * written out here so that the numbers depend on nothing but this file, not on the JDK version.
 *
 * <p>A trial's stream is derived from {@code (seed, position, trial)} alone, the way
 * {@code SplittableRandom.split()} derives a child: the odd increment ("gamma") is a 64-bit mix of
 * {@code (seed, position)} and the starting state a mix of all three. Different products thus get
 * different gammas, i.e. different sequences rather than windows of one 2^64 cycle (50,000 products
 * x 365 days x 1,000 trials draw 2^34 numbers; windows of one cycle would overlap with a
 * probability of a few per cent); a product's trials are windows of one sequence at random
 * distinct offsets, overlapping with probability about 1000^2 x 2^10 / 2^64 < 1e-10.
 *
 * <p>Mutable and reusable: {@link #reset} or {@link #use} start another stream without allocating.
 */
final class RandomStream {

	private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

	private static final double DOUBLE_UNIT = 0x1.0p-53;

	private long state;

	private long gamma;

	/**
	 * Starts the stream of trial {@code trial} of the product at {@code position} under
	 * {@code seed}. All trials of a product share one gamma and start from states that are
	 * distinct mixes of the trial number, so a product's trials can run in any order or in
	 * lockstep and still draw the same numbers.
	 */
	void reset(long seed, long position, int trial) {
		this.gamma = gamma(seed, position);
		this.state = trialState(seed, position, trial);
	}

	/** The increment of every stream of the product at {@code position}: odd and well mixed. */
	static long gamma(long seed, long position) {
		return mixGamma(key(seed, position) + GOLDEN_GAMMA);
	}

	/** The starting state of trial {@code trial} of the product at {@code position}. */
	static long trialState(long seed, long position, int trial) {
		return mix64(mix64(key(seed, position) ^ 0x5851f42d4c957f2dL) + trial * GOLDEN_GAMMA);
	}

	/**
	 * The starting state of trial {@code trial}'s lead-time stream: the trial state's derivation with
	 * another salt, so that drawing lead times leaves every demand draw as it was.
	 */
	static long leadTimeState(long seed, long position, int trial) {
		return mix64(mix64(key(seed, position) ^ 0x2545f4914f6cdd1dL) + trial * GOLDEN_GAMMA);
	}

	private static long key(long seed, long position) {
		return mix64(seed) + position * GOLDEN_GAMMA;
	}

	/** Points this stream at a trial's state, to draw from it in place of a separate object per trial. */
	void use(long state, long gamma) {
		this.state = state;
		this.gamma = gamma;
	}

	void state(long state) {
		this.state = state;
	}

	long state() {
		return this.state;
	}

	long nextLong() {
		long s = this.state + this.gamma;
		this.state = s;
		return mix64(s);
	}

	/** Uniform on [0, 1): the top 53 bits of {@link #nextLong}, as {@code SplittableRandom.nextDouble()}. */
	double nextDouble() {
		return (nextLong() >>> 11) * DOUBLE_UNIT;
	}

	/** A standard normal deviate, by the ziggurat of {@link Ziggurat}. */
	double nextGaussian() {
		long bits = nextLong();
		int layer = (int) bits & 127;
		long u = bits >> 8;
		if (Math.abs(u) < Ziggurat.K[layer]) {
			return u * Ziggurat.W[layer];
		}
		return Ziggurat.fix(this, layer, u);
	}

	/** David Stafford's Mix13, SplitMix64's output function. */
	static long mix64(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** An odd gamma with enough bit transitions, as SplittableRandom makes them. */
	private static long mixGamma(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		z = (z ^ (z >>> 33)) | 1L;
		int transitions = Long.bitCount(z ^ (z >>> 1));
		return (transitions < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
	}

	/**
	 * Marsaglia and Tsang's ziggurat for the standard normal ("The Ziggurat Method for Generating
	 * Random Variables", J. Stat. Softw. 5(8), 2000), 128 layers, exact in distribution: a draw
	 * falls in a layer's rectangle and is accepted at once (about 98.8% of draws), else it is
	 * accepted or rejected against the density itself, or taken from the tail beyond {@code R} by
	 * Marsaglia's exponential method. One 64-bit number gives the layer (its low 7 bits) and a signed
	 * 56-bit abscissa (its top 56 bits), so the two do not share bits (the correlation Doornik found
	 * in the 32-bit original).
	 */
	static final class Ziggurat {

		static final double R = 3.442619855899;

		private static final double AREA = 9.91256303526217e-3;

		private static final double SCALE = 0x1.0p55;

		static final long[] K = new long[128];

		static final double[] W = new double[128];

		static final double[] F = new double[128];

		static {
			double dn = R;
			double tn = dn;
			double q = AREA / Math.exp(-0.5 * dn * dn);
			K[0] = (long) ((dn / q) * SCALE);
			K[1] = 0;
			W[0] = q / SCALE;
			W[127] = dn / SCALE;
			F[0] = 1.0;
			F[127] = Math.exp(-0.5 * dn * dn);
			for (int i = 126; i >= 1; i--) {
				dn = Math.sqrt(-2.0 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
				K[i + 1] = (long) ((dn / tn) * SCALE);
				tn = dn;
				F[i] = Math.exp(-0.5 * dn * dn);
				W[i] = dn / SCALE;
			}
		}

		private Ziggurat() {
		}

		static double fix(RandomStream random, int layer, long u) {
			for (;;) {
				double x = u * W[layer];
				if (layer == 0) {
					double tail;
					double y;
					do {
						tail = -Math.log(1.0 - random.nextDouble()) / R;
						y = -Math.log(1.0 - random.nextDouble());
					}
					while (y + y < tail * tail);
					return (u > 0) ? R + tail : -R - tail;
				}
				if (F[layer] + random.nextDouble() * (F[layer - 1] - F[layer]) < Math.exp(-0.5 * x * x)) {
					return x;
				}
				long bits = random.nextLong();
				layer = (int) bits & 127;
				u = bits >> 8;
				if (Math.abs(u) < K[layer]) {
					return u * W[layer];
				}
			}
		}

	}

}
