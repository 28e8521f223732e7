package io.novatune.archfixture.ingestion.web;

import io.novatune.archfixture.ingestion.ledger.RawJdbcAdapter;
import io.novatune.archfixture.ingestion.ledger.ShortcutLedger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Violation: a controller reading a ledger and a JDBC adapter itself instead of going through its use case. Its
 * nested {@link Answer}, which refers back to it, is part of it and allowed to.
 */
@RestController
public class ShortcutController {

    private final ShortcutLedger ledger;
    private final RawJdbcAdapter jdbc;

    public ShortcutController(ShortcutLedger ledger, RawJdbcAdapter jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @GetMapping("/archfixture/shortcut")
    public Answer isrcs() {
        return Answer.of(this);
    }

    long count() {
        return ledger.count() + jdbc.count();
    }

    public record Answer(long isrcs) {

        static Answer of(ShortcutController controller) {
            return new Answer(controller.count());
        }
    }
}
