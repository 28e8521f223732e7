/**
 * A deliberate violation of the deploy module's package rules, outside {@code io.novatune.deploy} so that the real
 * rules never see it: {@code ArchitectureTest} imports it to show that each rule fails. The shared {@code kafka}
 * package reaches the {@code tail} tool, {@code tail} reaches the {@code replay} tool, and {@code replay} reaches
 * back to {@code kafka}: a cycle. {@code misc} is neither a tool nor a shared package.
 */
package io.novatune.deployfixture;
