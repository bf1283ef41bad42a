package org.openbpo.payroll.domain;

/** The country-specific tax and contribution details of an employee, with their figures to date. */
public interface EmployeeDetails {

    Country country();
}
