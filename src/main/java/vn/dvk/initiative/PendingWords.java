package vn.dvk.initiative;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The word postings of imported initiatives on H2, written after the import commits (see V37): the import names its
 * new initiatives in {@code initiative_word_pending}; once it has committed, and at every start (for an import whose
 * node stopped before), they get their postings a few hundred at a time, each in a transaction that locks the
 * initiatives, writes their words from their current search keys and removes them from the pending list.
 */
@Component
class PendingWords {

    private static final Logger log = LoggerFactory.getLogger(PendingWords.class);
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dvk-pending-words");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    PendingWords(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Names the initiatives in the caller's transaction; their postings follow once it has committed. */
    void add(List<Long> ids) {
        jdbc.update("insert into initiative_word_pending (initiative_id) select * from unnest(cast(? as bigint array))",
                new SqlArrayValue("bigint", ids.toArray()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writeSoon();
                }
            });
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        writeSoon();
    }

    /** Writes every pending posting on the writer's thread (once, however often asked while it waits). */
    void writeSoon() {
        if (queued.compareAndSet(false, true)) {
            writer.submit(() -> {
                queued.set(false);
                try {
                    writeAll();
                } catch (RuntimeException e) {
                    log.warn("Word postings of imported initiatives not written yet (tried again at the next import or start)", e);
                }
            });
        }
    }

    /** Writes the postings of every pending initiative; returns how many. */
    int writeAll() {
        int written = 0;
        while (true) {
            Integer chunk = transactions.execute(status -> writeChunk());
            if (chunk == null || chunk == 0) {
                return written;
            }
            written += chunk;
        }
    }

    private int writeChunk() {
        List<Long> ids = jdbc.queryForList("select initiative_id from initiative_word_pending order by initiative_id limit " + CHUNK,
                Long.class);
        if (ids.isEmpty()) {
            return 0;
        }
        SqlArrayValue array = new SqlArrayValue("bigint", ids.toArray());
        List<String> words = new ArrayList<>();
        List<Long> of = new ArrayList<>();
        // the initiatives locked, so an edit in between either came first (its key read here) or waits for this
        jdbc.query("select id, search_key from initiative where id = any(?) for update", row -> {
            for (String word : InitiativeWords.words(row.getString(2))) {
                words.add(word);
                of.add(row.getLong(1));
            }
        }, array);
        jdbc.update("delete from initiative_word where initiative_id = any(?)", array);
        InitiativeWords.insert(jdbc, words, of);
        jdbc.update("delete from initiative_word_pending where initiative_id = any(?)", array);
        return ids.size();
    }
}
