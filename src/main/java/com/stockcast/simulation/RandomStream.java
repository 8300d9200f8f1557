package com.stockcast.simulation;

/**
 * One product's random numbers: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014), the algorithm {@link java.util.SplittableRandom} specifies,
 * written out here so that the numbers depend on nothing but this file, not on the JDK version.
 *
 * <p>A stream is derived from {@code (seed, position)} alone, the way
 * {@code SplittableRandom.split()} derives a child: both the starting state and the odd increment
 * ("gamma") are 64-bit mixes of the pair. Different positions thus get different gammas, i.e.
 * different sequences rather than windows of one sequence that could overlap: 50,000 products x
 * 365 days x 1,000 trials draw 2^34 numbers, and windows of one 2^64 cycle would overlap with a
 * probability of a few per cent.
 *
 * <p>Mutable and reusable: {@link #reset} starts another stream without allocating.
 */
final class RandomStream {

	private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

	private static final double DOUBLE_UNIT = 0x1.0p-53;

	private long state;

	private long gamma;

	/** Starts the stream of the product at {@code position} under {@code seed}. */
	void reset(long seed, long position) {
		long key = mix64(seed) + position * GOLDEN_GAMMA;
		this.state = mix64(key ^ 0x5851f42d4c957f2dL);
		this.gamma = mixGamma(key + GOLDEN_GAMMA);
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
