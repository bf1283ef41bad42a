package org.openbpo.ledger;

import java.util.List;

/**
 * A section of a financial statement in the functional currency: headings carry the total of the
 * accounts below them; amounts are shown with the section's normal sign (income and liabilities
 * as positive credits, assets and expenses as positive debits).
 */
public record Statement(String title, List<Line> lines, long total) {

    public record Line(String account, String name, int level, boolean heading, long amount) {
    }
}
