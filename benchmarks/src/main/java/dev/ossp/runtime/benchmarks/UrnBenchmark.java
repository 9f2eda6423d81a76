package dev.ossp.runtime.benchmarks;

import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.SemVer;
import dev.ossp.runtime.urn.VersionRange;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing agent URNs, SemVer versions and ranges. The baseline is {@link URI#create}, the JDK's own
 * parser for the same URN string: it checks far less (no domain, name or SemVer grammar), so the
 * ratio shows what the strict grammar costs over generic URI syntax.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UrnBenchmark {
  @Param({"urn:agent:ai:ml-agent@1.0.0", "URN:Agent:Finance:Payments-Gateway@12.4.1-rc.2+b.77"})
  public String urn;

  private SemVer version;
  private VersionRange range;

  @Setup
  public void setUp() {
    version = SemVer.parse("1.10.3");
    range = VersionRange.parse(">=1.2.0 <2.0.0");
  }

  @Benchmark
  public URI directUriCreate() {
    return URI.create(urn);
  }

  @Benchmark
  public AgentUrn parseUrn() {
    return AgentUrn.parse(urn);
  }

  @Benchmark
  public SemVer parseSemVer() {
    return SemVer.parse("12.4.1-rc.2+b.77");
  }

  @Benchmark
  public boolean rangeContains() {
    return range.contains(version);
  }
}
