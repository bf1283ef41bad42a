package org.openbpo.shared.bench;

/**
 * A benchmark that {@code ./openbpo bench <name>} can run. Modules contribute them as Spring beans;
 * each generates its own data, warms up, measures and reports its figures.
 */
public interface Benchmark {

    String name();

    String description();

    BenchReport run(BenchOptions options) throws Exception;
}
