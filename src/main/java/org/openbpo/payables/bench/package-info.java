/** {@code ./openbpo bench payables}: invoices captured, matched and proposed for payment. */
@org.jspecify.annotations.NullMarked
package org.openbpo.payables.bench;
