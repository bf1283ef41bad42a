package org.openbpo.payroll.domain;

/** One thing wrong with an input: the field and why, in words the person who wrote it understands. */
public record Problem(String field, String reason) {
}
