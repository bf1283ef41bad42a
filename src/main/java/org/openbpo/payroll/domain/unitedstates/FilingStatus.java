package org.openbpo.payroll.domain.unitedstates;

/** Form W-4 Step 1(c). Married filing separately uses the SINGLE tables (Pub 15-T). */
public enum FilingStatus {
    SINGLE, MFJ, HOH
}
