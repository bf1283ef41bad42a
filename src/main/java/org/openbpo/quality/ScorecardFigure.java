package org.openbpo.quality;

/** The figures of a scorecard whose work items can be listed. */
public enum ScorecardFigure { SLA, HANDLE_TIME, BACKLOG, PENDING_CLIENT, ACCURACY, CSAT }
