package io.novatune.discovery.jobs;

/** A job is running until every entry has an outcome. */
public enum JobStatus { RUNNING, COMPLETED }
