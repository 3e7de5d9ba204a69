package vn.dvk.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Chains committed audit entries in the order they are found, each after the last sealed one. Writers
 * only insert their entry (no shared row to lock), so writes of different units, logins and reads never
 * wait for one another; the hash chain is still one, because only the sealer appends to it, under the
 * lock of {@code audit_head} — on however many nodes, one sealer at a time. An entry is visible in the
 * trail at once and chained within a second or so; until then it is "pending" in the verification.
 */
@Component
class AuditSealer {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final AuditEntryRepository entries;
    private final AuditHeadRepository heads;
    private final TransactionTemplate transaction;

    AuditSealer(AuditEntryRepository entries, AuditHeadRepository heads, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.heads = heads;
        this.transaction = new TransactionTemplate(transactions);
        // its own transaction even when called from a reading one (the verification seals first)
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${dvk.audit.seal-every:PT1S}", initialDelayString = "${dvk.audit.seal-every:PT1S}")
    void sealInBackground() {
        try {
            seal();
        } catch (RuntimeException e) {
            // the next round takes them up: nothing is lost by waiting (the database may be restarting)
            log.warn("Audit entries not sealed this round: {}", e.getMessage());
        }
    }

    /** Chains every committed entry not yet chained; returns how many. */
    int seal() {
        if (!entries.existsByChainNoIsNull()) {
            return 0; // an idle second locks nothing
        }
        int total = 0;
        int sealed;
        do {
            sealed = transaction.execute(status -> sealBatch());
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        AuditHead head = heads.lockHead();
        List<AuditEntry> batch = entries.unsealed(PageRequest.of(0, BATCH));
        for (AuditEntry entry : batch) {
            head.advance(entry.seal(head.getLastChainNo() + 1, head.getLastHash()));
        }
        return batch.size();
    }
}
