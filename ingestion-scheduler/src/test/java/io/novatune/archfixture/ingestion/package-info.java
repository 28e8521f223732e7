/**
 * Deliberate violations of ingestion-scheduler's architecture rules, for ArchitectureTest to show that each rule
 * fails. Outside {@code io.novatune.ingestion}, so Spring's component scan never sees them; nothing here is a bean.
 */
package io.novatune.archfixture.ingestion;
