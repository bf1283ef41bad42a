package org.openbpo.support;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Folds {@code customerId} into the customer named in the path: the same person, found twice. */
public record MergeCustomers(@NotNull UUID customerId) {
}
