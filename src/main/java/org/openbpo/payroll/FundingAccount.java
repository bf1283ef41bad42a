package org.openbpo.payroll;

/**
 * The account a pay group's net pay leaves from, as anyone may see it: the originator of the group's bank
 * files with the account masked. {@code identifier} is what the bank calls the client: the NACHA company
 * identification (US), the BACS service user number (UK), the client's code at its bank (India, Philippines).
 */
public record FundingAccount(String payGroup, String name, String identifier, String bankName, String scheme, String masked) {
}
