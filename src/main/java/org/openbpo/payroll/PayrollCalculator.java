package org.openbpo.payroll;

import org.openbpo.payroll.domain.GrossToNet;
import org.openbpo.payroll.domain.PayRequest;
import org.openbpo.payroll.domain.PayrollEngine;
import org.openbpo.payroll.domain.RulePacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The payroll calculator: gross to net for one employee and period, by the rule pack of the
 * country and tax year. Pure calculation, nothing is stored; previews and pay runs both use it.
 * {@code openbpo.payroll.rule-packs} may name a folder of pack files that configure the shipped
 * packs (unverified values, a state's FUTA credit reduction) or add new tax years.
 */
@Service
public class PayrollCalculator {

    private static final Logger LOG = LoggerFactory.getLogger(PayrollCalculator.class);

    private final PayrollEngine engine;

    PayrollCalculator(@Value("${openbpo.payroll.rule-packs:}") String operatorFolder) {
        Path folder = operatorFolder.isBlank() ? null : Path.of(operatorFolder);
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalStateException("openbpo.payroll.rule-packs names " + folder + ", which is not a folder");
        }
        this.engine = new PayrollEngine(RulePacks.load(folder));
        engine.packs().all().forEach(pack -> LOG.info("Payroll rule pack {} loaded; {} values unverified",
                pack.info().id(), pack.info().unverified().size()));
    }

    public GrossToNet calculate(PayRequest request) {
        return engine.calculate(request);
    }

    PayrollEngine engine() {
        return engine;
    }

    public RulePacks packs() {
        return engine.packs();
    }
}
