/**
 * Payroll as a service: gross-to-net calculation for the client employers' employees in the United
 * States (federal), the United Kingdom, India and the Philippines, by versioned rule packs per country
 * and tax year. The facade {@link org.openbpo.payroll.PayrollCalculator} is the module's API.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.payroll;
