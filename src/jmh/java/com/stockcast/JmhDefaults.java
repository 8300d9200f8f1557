package com.stockcast;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark shares, in one place: JMH reads these annotations from a
 * benchmark's superclass. Short enough for the whole suite to take a few minutes on 2 cores;
 * JMH's {@code -wi -w -i -r -f} options override them. The heap is fixed so that runs differ by
 * the code, not by how the JVM happened to size its heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public abstract class JmhDefaults {

}
