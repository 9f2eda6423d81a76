package dev.ossp.runtime.metrics.internal.registry;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replaceable value supplier that turns a failing supplier into {@code NaN}, logging the first
 * failure at WARN and later ones at DEBUG, so one broken gauge cannot break an export.
 */
final class SafeSupplier {
  private static final Logger LOG = LoggerFactory.getLogger(SafeSupplier.class);

  private final String meterName;
  private final AtomicReference<DoubleSupplier> supplier;
  private final AtomicBoolean warned = new AtomicBoolean();

  SafeSupplier(String meterName, DoubleSupplier supplier) {
    this.meterName = meterName;
    this.supplier = new AtomicReference<>(supplier);
  }

  void replace(DoubleSupplier replacement) {
    supplier.set(replacement);
  }

  double read() {
    try {
      return supplier.get().getAsDouble();
    } catch (RuntimeException e) {
      if (warned.compareAndSet(false, true)) {
        LOG.warn("gauge '{}' failed to read its value; exporting NaN", meterName, e);
      } else {
        LOG.debug("gauge '{}' failed to read its value again", meterName, e);
      }
      return Double.NaN;
    }
  }
}
