package org.redress.problem;

/** One refused value of a complaint submission: which field, and why. */
public record FieldError(String field, String reason) {}
