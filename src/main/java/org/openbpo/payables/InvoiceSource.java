package org.openbpo.payables;

/** How an invoice came in. */
public enum InvoiceSource { MANUAL, CSV, XLSX, UBL }
