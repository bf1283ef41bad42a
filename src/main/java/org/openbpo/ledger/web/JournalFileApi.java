package org.openbpo.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Books;
import org.openbpo.ledger.ImportResult;
import org.openbpo.ledger.JournalFiles;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/ledger/journal")
@Tag(name = "Ledger: journal files", description = "The books as a ledger-cli / hledger journal, out and in")
class JournalFileApi {

    /** A journal to import; at most 50 MB of text per request (bigger histories come in parts). */
    record ImportJournal(@NotNull @Size(max = 50_000_000) String journal, @Nullable Boolean openMissingAccounts) {
    }

    private final JournalFiles files;
    private final Books books;

    JournalFileApi(JournalFiles files, Books books) {
        this.files = files;
        this.books = books;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The client's journal as plain text that `ledger -f` and `hledger -f` read")
    void export(@PathVariable UUID clientId, HttpServletResponse response) throws IOException {
        books.book(clientId);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"journal-" + clientId + ".journal\"");
        files.export(clientId, response.getWriter());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a journal: every entry checked, all posted with source IMPORT or none")
    ImportResult importJournal(@PathVariable UUID clientId, @Valid @RequestBody ImportJournal request,
                               @AuthenticationPrincipal CurrentUser user) {
        books.book(clientId);
        Bookkeepers.requireAccountant(user, "import journals");
        return files.importJournal(clientId, request.journal(), Boolean.TRUE.equals(request.openMissingAccounts()));
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a journal sent as text/plain")
    ImportResult importText(@PathVariable UUID clientId, @RequestBody String journal,
                            @RequestParam(defaultValue = "false") boolean openMissingAccounts,
                            @AuthenticationPrincipal CurrentUser user) {
        return importJournal(clientId, new ImportJournal(journal, openMissingAccounts), user);
    }
}
