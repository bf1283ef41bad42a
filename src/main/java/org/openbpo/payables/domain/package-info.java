/** The rules of payables without Spring or SQL: matching, duplicate keys, discounts, file readers. */
@org.jspecify.annotations.NullMarked
package org.openbpo.payables.domain;
