package org.openbpo.payroll.domain;

/** The rates, tables and options of one country for one tax year, read from its pack file. */
public interface RulePack {

    PackInfo info();
}
