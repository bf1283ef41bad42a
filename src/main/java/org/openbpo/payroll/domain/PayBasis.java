package org.openbpo.payroll.domain;

/** Whether an employee is paid a salary (a share of the year per period) or by the hour. */
public enum PayBasis { SALARY, HOURLY }
