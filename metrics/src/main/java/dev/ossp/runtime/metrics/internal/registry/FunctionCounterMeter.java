package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Gauge;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A counter whose monotonic value is read from a supplier, such as the JVM's garbage collection
 * count. It is exported as a Prometheus counter and shown as a gauge by Dropwizard reporters. This
 * class is thread-safe.
 */
public final class FunctionCounterMeter implements RegisteredMeter {
  private final MeterId id;
  private final MetricFamily family;
  private final SafeSupplier supplier;
  private final Gauge<Double> gauge;

  FunctionCounterMeter(MeterId id, MetricFamily family, DoubleSupplier supplier) {
    this.id = Objects.requireNonNull(id, "id");
    this.family = Objects.requireNonNull(family, "family");
    this.supplier = new SafeSupplier(id.dropwizardName(), supplier);
    this.gauge = this.supplier::read;
  }

  void replace(DoubleSupplier replacement) {
    supplier.replace(replacement);
  }

  /** Returns the current value, or {@code NaN} when the supplier failed. */
  public double value() {
    return supplier.read();
  }

  @Override
  public MeterId id() {
    return id;
  }

  @Override
  public MetricFamily family() {
    return family;
  }

  @Override
  public Gauge<Double> dropwizardMetric() {
    return gauge;
  }
}
