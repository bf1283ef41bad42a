package org.openbpo.payables;

import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.List;

/** A file refused as a whole, with every problem found in it; nothing of it was applied. */
public class FileRejected extends BusinessRuleViolation {

    private final List<FileProblem> problems;

    public FileRejected(String code, String message, List<FileProblem> problems) {
        super(422, code, problems.isEmpty() ? null : problems.getFirst().where(), message);
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }
}
