/** Metering completed work into usage; later rating, invoices and service credits. */
@org.jspecify.annotations.NullMarked
package org.openbpo.billing;
