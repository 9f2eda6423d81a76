package dev.ossp.runtime.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the runtime's version from the jar manifest, and the Java version. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = OsspCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "ossp-runtime " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
