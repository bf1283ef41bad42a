/** The payables tables, in plain SQL; every statement names its client. */
@org.jspecify.annotations.NullMarked
package org.openbpo.payables.persistence;
