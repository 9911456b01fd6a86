/**
 * Demo data: a deterministic JAWS-UG-like organization for the quick start, screenshots and benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.firstpin.demo;
