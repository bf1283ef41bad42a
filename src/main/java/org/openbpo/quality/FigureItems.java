package org.openbpo.quality;

import org.openbpo.work.WorkBehindFigures;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The work behind one figure of a scorecard: one of the lists is filled, by the figure. */
public record FigureItems(UUID clientId, UUID contractId, YearMonth period, ScorecardFigure figure, String serviceLine,
                          List<WorkBehindFigures.CompletedItem> completed, List<WorkBehindFigures.OpenItem> open,
                          List<CheckedItem> evaluations, List<CsatAnswer> responses) {
}
