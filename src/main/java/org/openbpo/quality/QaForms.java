package org.openbpo.quality;

import org.openbpo.audit.AuditTrail;
import org.openbpo.quality.persistence.QaFormRows;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * QA forms per client, built by the provider. Saving a form under an existing code makes a new
 * version; evaluations keep the version they were scored on, so changing a form never rewrites a
 * past score.
 */
@Service
public class QaForms {

    private final QaFormRows forms;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    QaForms(QaFormRows forms, Clients clients, AuditTrail audit, Clock clock) {
        this.forms = forms;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public QaForm define(UUID clientId, DefineQaForm command, CurrentUser by) {
        clients.get(clientId);
        QaRoles.requireQaLead(by, "build QA forms");
        int version = forms.insert(clientId, command.code(), command.name(), command.passMark(), command.questions(),
                clock.instant(), by.email());
        QaForm form = forms.version(clientId, command.code(), version).orElseThrow();
        audit.record(clientId, "qa.form.saved", "qa-form", command.code() + "/" + version, null, form);
        return form;
    }

    @Transactional(readOnly = true)
    public List<QaForm> latest(UUID clientId) {
        clients.get(clientId);
        return forms.latestOfClient(clientId);
    }

    @Transactional(readOnly = true)
    public QaForm latest(UUID clientId, String code) {
        clients.get(clientId);
        return forms.latest(clientId, code).orElseThrow(() -> new NotFound("QA form", code));
    }

    @Transactional(readOnly = true)
    public QaForm version(UUID clientId, String code, int version) {
        clients.get(clientId);
        return forms.version(clientId, code, version).orElseThrow(() -> new NotFound("QA form", code + " version " + version));
    }
}
