package io.novatune.discovery.jobs;

/** Where an entry of a job is. */
public enum EntryState { PENDING, IDENTIFIED, PROVISIONAL, FAILED }
